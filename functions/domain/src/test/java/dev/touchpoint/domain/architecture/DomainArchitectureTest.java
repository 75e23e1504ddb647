package dev.touchpoint.domain.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The domain's shape, checked by ArchUnit on the compiled classes: no AWS, no Lambda, no JSON library,
 * and no cycle between its packages, each package its own slice. The layers, bottom up: the words
 * (feedback, identity, validation, text), profile, invitation and response, conversation, then
 * customer (the whole view: lookup, export, erasure). JSON is the wire module's: the domain takes and
 * gives typed values.
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
    void theDomain_knowsNoJsonLibrary() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("com.fasterxml..", "org.json..", "com.google.gson..",
                "jakarta.json..", "javax.json..").check(domain);
    }

    @Test
    void theDomainsPackages_formNoCycle() {
        slices().matching("dev.touchpoint.domain.(**)").should().beFreeOfCycles().check(domain);
    }
}
