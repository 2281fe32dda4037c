package se.basutbud;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Arrays;
import java.util.List;

import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The rooms of the code, held: features are packages of their own that use each other only through services,
 * entities and values, never through another feature's resources or its stores and queries; the shared rooms
 * (web, security, change, db) serve the features and never depend on them; change notification and the
 * database never depend on the HTTP edge; and nothing in production code uses the local dev/test database.
 */
class ArchitectureTest {

    private static final List<String> FEATURES = List.of(
            "app",
            "audit",
            "baseline",
            "careunit",
            "compliance",
            "contactcard",
            "coverage",
            "eservice",
            "exemption",
            "goals",
            "imports",
            "offering",
            "residents",
            "sample",
            "unitsondate");
    private static final String[] ROOMS = {
        "se.basutbud.web..", "se.basutbud.security..", "se.basutbud.change..", "se.basutbud.db.."
    };

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("se.basutbud");

    private static String[] featurePackages() {
        return FEATURES.stream().map(feature -> "se.basutbud." + feature + "..").toArray(String[]::new);
    }

    @Test
    void theSharedRoomsNeverDependOnAFeature() {
        noClasses()
                .that()
                .resideInAnyPackage(ROOMS)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(featurePackages())
                .check(PRODUCTION);
    }

    @Test
    void changeNotificationAndTheDatabaseNeverDependOnTheWeb() {
        noClasses()
                .that()
                .resideInAnyPackage("se.basutbud.change..", "se.basutbud.db..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("se.basutbud.web..")
                .check(PRODUCTION);
    }

    @Test
    void nothingInProductionCodeUsesTheLocalDatabase() {
        noClasses()
                .that()
                .resideOutsideOfPackage("se.basutbud.db.local..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("se.basutbud.db.local..")
                .check(PRODUCTION);
    }

    @Test
    void featuresAndRoomsDependOnEachOtherWithoutCycles() {
        slices().matching("se.basutbud.(*)..").should().beFreeOfCycles().check(PRODUCTION);
    }

    @Test
    void aFeatureNeverUsesAnotherFeaturesResourcesStoresOrQueries() {
        for (String feature : FEATURES) {
            String[] others = FEATURES.stream()
                    .filter(other -> !other.equals(feature))
                    .map(other -> "se.basutbud." + other + "..")
                    .toArray(String[]::new);
            noClasses()
                    .that()
                    .resideInAPackage("se.basutbud." + feature + "..")
                    .should()
                    .dependOnClassesThat(internalsOf(others))
                    .check(PRODUCTION);
        }
    }

    private static DescribedPredicate<JavaClass> internalsOf(String[] packages) {
        return DescribedPredicate.describe(
                "internals of " + Arrays.toString(packages),
                type -> type.getPackage().getName().startsWith("se.basutbud.")
                        && Arrays.stream(packages)
                                .anyMatch(pkg -> type.getPackageName().equals(pkg.replace("..", ""))
                                        || type.getPackageName().startsWith(pkg.replace("..", ".")))
                        && (type.isAnnotatedWith(Path.class)
                                || type.getSimpleName().endsWith("Store")
                                || type.getSimpleName().endsWith("Queries")
                                || type.getSimpleName().endsWith("Route")
                                || type.getSimpleName().endsWith("Refresher")));
    }
}
