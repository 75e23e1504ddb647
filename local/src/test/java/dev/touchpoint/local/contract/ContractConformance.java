package dev.touchpoint.local.contract;

import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Registered for every test by JUnit's extension auto-detection (junit-platform.properties): a test
 * fails when an exchange during it broke the contract. Exchanges made in {@code @BeforeAll} count
 * against the class's first test. The ITs run one at a time, so a violation belongs to the running test.
 */
public final class ContractConformance implements AfterEachCallback {

    @Override
    public void afterEach(ExtensionContext context) {
        List<String> violations = ContractObserver.drain();
        if (!violations.isEmpty()) {
            throw new AssertionError("exchanges docs/openapi.yaml does not describe:\n  " + String.join("\n  ", violations));
        }
    }
}
