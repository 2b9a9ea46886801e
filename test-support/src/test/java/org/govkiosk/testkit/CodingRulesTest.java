package org.govkiosk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/** The shared cycle rule sees the root package: a package below that imports the root back is a cycle. */
class CodingRulesTest {

    @Test
    void aPackageThatImportsTheRootBackIsACycle() {
        JavaClasses classes = new ClassFileImporter().importPackages("org.govkiosk.testkit.cycles");

        EvaluationResult result = CodingRules.packagesBelowAreFreeOfCycles("org.govkiosk.testkit.cycles")
                .evaluate(classes);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString())
                .contains("org.govkiosk.testkit.cycles (root)")
                .contains("org.govkiosk.testkit.cycles.sub");
    }

    @Test
    void aRootThatOnlyWiresThePackagesBelowIsNoCycle() {
        JavaClasses classes = new ClassFileImporter().importPackages("org.govkiosk.testkit.oneway");

        assertThat(classes).isNotEmpty();
        assertThat(CodingRules.packagesBelowAreFreeOfCycles("org.govkiosk.testkit.oneway").evaluate(classes)
                .hasViolation()).isFalse();
    }
}
