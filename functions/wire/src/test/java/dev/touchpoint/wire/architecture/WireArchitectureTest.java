package dev.touchpoint.wire.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The wire formats sit between the domain and the adapters: they read and write JSON for the domain's
 * typed values, and know nothing of where the JSON travels (no AWS, no Lambda, no HTTP client).
 */
class WireArchitectureTest {

    private static JavaClasses wire;

    @BeforeAll
    static void importWire() {
        wire = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.touchpoint.wire");
    }

    @Test
    void theWireFormats_knowNothingOfAwsOrLambda() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..", "java.net.http..")
                .check(wire);
    }

    @Test
    void theWirePackages_formNoCycle() {
        slices().matching("dev.touchpoint.wire.(**)").should().beFreeOfCycles().check(wire);
    }
}
