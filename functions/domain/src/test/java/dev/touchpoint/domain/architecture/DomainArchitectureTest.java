package dev.touchpoint.domain.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The domain's shape, checked by ArchUnit on the compiled classes: no AWS, no Lambda, and no cycle
 * between its packages, each package its own slice ({@code queue.codec} apart from {@code queue}).
 * The layers, bottom up: the words (feedback, identity, validation, json, text), profile, invitation
 * and response, conversation, then customer (the whole view: lookup, export, erasure).
 */
class DomainArchitectureTest {

    private static JavaClasses domain;

    @BeforeAll
    static void importDomain() {
        domain = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.touchpoint.domain");
    }

    @Test
    void theDomain_knowsNothingOfAwsOrLambda() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..")
                .check(domain);
    }

    @Test
    void theDomainsPackages_formNoCycle() {
        slices().matching("dev.touchpoint.domain.(**)").should().beFreeOfCycles().check(domain);
    }
}
