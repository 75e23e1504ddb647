/** Customer identifiers, their normalisation, and the rules that join identifiers into one profile. */
package dev.touchpoint.domain.identity;
