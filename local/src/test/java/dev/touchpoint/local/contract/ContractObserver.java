package dev.touchpoint.local.contract;

import dev.touchpoint.local.http.ExchangeObserver;
import java.util.ArrayList;
import java.util.List;

/**
 * Installed on the test classpath (META-INF/services), so every local runtime an IT starts judges
 * each exchange against docs/openapi.yaml; {@link ContractConformance} fails the test that caused a violation.
 */
public final class ContractObserver implements ExchangeObserver {

    private static final List<String> violations = new ArrayList<>();

    /** Built once for the whole run: the spec does not change while the tests run. */
    private static final class Holder {
        static final OpenApiContract CONTRACT = OpenApiContract.fromDocs();
    }

    @Override
    public void observe(Exchange exchange) {
        List<String> found = Holder.CONTRACT.violations(exchange);
        if (!found.isEmpty()) {
            String where = exchange.method() + " " + exchange.path() + " → " + exchange.status() + ": ";
            synchronized (violations) {
                found.forEach(violation -> violations.add(where + violation));
            }
        }
    }

    /** The violations seen since the last call, and forgets them. */
    public static List<String> drain() {
        synchronized (violations) {
            List<String> seen = List.copyOf(violations);
            violations.clear();
            return seen;
        }
    }
}
