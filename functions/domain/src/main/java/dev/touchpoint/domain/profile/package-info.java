/** The unified customer profile: the record, its repository port, identity resolution and the customer's language. Responses live in {@code response}, the whole customer view in {@code customer}. */
package dev.touchpoint.domain.profile;
