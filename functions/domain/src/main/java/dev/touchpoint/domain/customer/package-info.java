/** The whole customer: a profile with its responses, invitations and thread (ProfileView, ProfileLookup), its export as JSON, and its erasure. Above every other domain package. */
package dev.touchpoint.domain.customer;
