/** A function's cold start: work its first event would do, started during init on threads of its own. */
package dev.touchpoint.aws.startup;
