package dev.touchpoint.processor;

import dev.touchpoint.domain.conversation.DeliveryStatusEvent;
import dev.touchpoint.domain.conversation.InboundMessageEvent;
import dev.touchpoint.domain.conversation.TeamReply;
import dev.touchpoint.domain.feedback.FeedbackEvent;
import dev.touchpoint.domain.identity.Customer;
import dev.touchpoint.domain.interaction.InteractionEvent;
import dev.touchpoint.domain.queue.QueueMessage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Splits a batch into groups that may be handled at the same time: messages that share an identifier
 * (an email, a phone, a profile, an invitation) stay in one group in their batch order, so one
 * customer's messages are handled one after another; different customers' messages run side by side.
 * A message with no identifier (anonymous, unreadable) is a group of its own.
 */
final class SameCustomerGroups {

    private SameCustomerGroups() {
    }

    /** @return groups of items, each in batch order; the groups in the order of their first item */
    static <T> List<List<T>> of(List<T> items, Function<T, Set<String>> keys) {
        List<Group<T>> groups = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            Set<String> itemKeys = keys.apply(item);
            Group<T> joined = new Group<>(i);
            joined.add(i, item, itemKeys);
            for (var it = groups.iterator(); it.hasNext(); ) {
                Group<T> group = it.next();
                if (!itemKeys.isEmpty() && group.shares(itemKeys)) {
                    joined.absorb(group);
                    it.remove();
                }
            }
            groups.add(joined);
        }
        groups.sort(Comparator.comparingInt(group -> group.first));
        return groups.stream().map(Group::inOrder).toList();
    }

    /** Identifiers that name the customer (or the invitation) a message is about. */
    static Set<String> customerKeys(QueueMessage message) {
        Set<String> keys = new HashSet<>();
        switch (message) {
            case FeedbackEvent feedback -> {
                addIdentities(keys, feedback.submission().customer());
                if (feedback.invitationId() != null) {
                    keys.add("invitation:" + feedback.invitationId());
                }
            }
            case InteractionEvent interaction -> addIdentities(keys, interaction.interaction().customer());
            case InboundMessageEvent inbound -> addIdentities(keys, inbound.message().sender());
            case TeamReply reply -> keys.add("profile:" + reply.profileId());
            // News of one message in order: "delivered" then "read" must not race each other.
            case DeliveryStatusEvent status -> keys.add("sent:" + status.provider() + ":" + status.providerMessageId());
            default -> { }
        }
        return keys;
    }

    private static void addIdentities(Set<String> keys, Customer customer) {
        if (customer != null) {
            customer.identities().forEach(identity -> keys.add(identity.type() + ":" + identity.value()));
        }
    }

    private static final class Group<T> {
        private int first;
        private final List<Integer> positions = new ArrayList<>();
        private final List<T> items = new ArrayList<>();
        private final Set<String> keys = new HashSet<>();

        Group(int first) {
            this.first = first;
        }

        void add(int position, T item, Set<String> itemKeys) {
            positions.add(position);
            items.add(item);
            keys.addAll(itemKeys);
        }

        boolean shares(Set<String> other) {
            return other.stream().anyMatch(keys::contains);
        }

        void absorb(Group<T> other) {
            for (int i = 0; i < other.items.size(); i++) {
                add(other.positions.get(i), other.items.get(i), Set.of());
            }
            keys.addAll(other.keys);
            first = Math.min(first, other.first);
        }

        List<T> inOrder() {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                order.add(i);
            }
            order.sort(Comparator.comparingInt(positions::get));
            return order.stream().map(items::get).toList();
        }
    }
}
