package dev.touchpoint.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SameCustomerGroupsTest {

    @Test
    void messagesSharingAnIdentifier_stayTogetherInBatchOrder_othersRunApart() {
        Map<String, Set<String>> keys = Map.of(
                "a1", Set.of("email:a@example.com"),
                "b1", Set.of("phone:+905551112233"),
                "anon", Set.of(),
                "a2", Set.of("email:a@example.com", "whatsapp:905550000000"),
                "c1", Set.of("whatsapp:905550000000"),
                "b2", Set.of("phone:+905551112233"));

        List<List<String>> groups = SameCustomerGroups.of(List.of("a1", "b1", "anon", "a2", "c1", "b2"), keys::get);

        assertEquals(List.of(List.of("a1", "a2", "c1"), List.of("b1", "b2"), List.of("anon")), groups,
                "c1 joins a's group through a2's WhatsApp id; the anonymous answer is alone");
    }

    @Test
    void aMessageLinkingTwoEarlierGroups_mergesThemInBatchOrder() {
        Map<String, Set<String>> keys = Map.of("x", Set.of("k1"), "y", Set.of("k2"), "z", Set.of("k1", "k2"), "w", Set.of());

        assertEquals(List.of(List.of("x", "y", "z"), List.of("w")),
                SameCustomerGroups.of(List.of("x", "y", "z", "w"), keys::get));
    }
}
