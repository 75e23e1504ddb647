package dev.touchpoint.aws.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import dev.touchpoint.aws.AwsClients;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The adapters' shape, checked by ArchUnit on the compiled classes of every adapter module: no cycle
 * between their packages (the client factory, priming and the calls made ahead of the first event once
 * formed one); a client factory that only builds clients, so that what a function warms up is its
 * wiring's choice; and each AWS service's client used in its own module only, so that a function's
 * jar holds the services its pom names and no other.
 */
class AdapterArchitectureTest {

    /** Every package its own slice, the root package (the client factory, the environment) included. */
    private static final SliceAssignment EACH_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            return SliceIdentifier.of(javaClass.getPackageName());
        }

        @Override
        public String getDescription() {
            return "each package";
        }
    };

    private static JavaClasses adapters;

    @BeforeAll
    static void importAdapters() {
        adapters = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.touchpoint.aws");
    }

    @Test
    void theAdaptersPackages_formNoCycle() {
        slices().assignedFrom(EACH_PACKAGE).should().beFreeOfCycles().check(adapters);
    }

    @Test
    void theClientFactory_onlyBuildsClients() {
        noClasses().that().belongToAnyOf(AwsClients.class).should().dependOnClassesThat()
                .resideInAnyPackage("dev.touchpoint.aws.startup..", "dev.touchpoint.aws.snapstart..")
                .check(adapters);
    }

    @Test
    void theCore_callsNoAwsService() {
        noClasses().that().resideInAnyPackage("dev.touchpoint.aws", "dev.touchpoint.aws.lambda..", "dev.touchpoint.aws.logging..",
                        "dev.touchpoint.aws.metrics..", "dev.touchpoint.aws.apigateway..", "dev.touchpoint.aws.startup..",
                        "dev.touchpoint.aws.snapstart..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk.services..")
                .check(adapters);
    }

    @Test
    void eachServiceModule_usesItsOwnServiceOnly() {
        Map<String, String> serviceOfPackage = Map.of("dynamodb", "dynamodb", "sqs", "sqs", "ses", "sesv2", "sns", "sns",
                "s3", "s3", "secrets", "secretsmanager");
        serviceOfPackage.forEach((adapter, service) -> serviceOfPackage.values().stream().filter(other -> !other.equals(service))
                .forEach(other -> noClasses().that().resideInAPackage("dev.touchpoint.aws." + adapter + "..")
                        .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk.services." + other + "..")
                        .check(adapters)));
    }
}
