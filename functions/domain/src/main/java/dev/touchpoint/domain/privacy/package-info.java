/**
 * What keeps a person's data theirs: ids no caller can derive from its own, and the consent an erased
 * person gave, kept under a keyed hash of each identifier without the identifier itself.
 */
package dev.touchpoint.domain.privacy;
