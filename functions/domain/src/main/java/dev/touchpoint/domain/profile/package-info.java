/** The unified customer profile, the use cases that record feedback against it, and their ports. */
package dev.touchpoint.domain.profile;
