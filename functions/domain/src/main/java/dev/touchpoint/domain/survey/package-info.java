/**
 * Survey definitions: written once as versioned JSON (docs/surveys.md), shown the same on every
 * channel, in several languages, with the trigger that schedules them after a service event.
 */
package dev.touchpoint.domain.survey;
