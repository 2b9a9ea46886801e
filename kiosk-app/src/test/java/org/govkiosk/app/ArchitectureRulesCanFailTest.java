package org.govkiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** The rules of {@link ArchitectureTest} that guard the composition root do catch what they forbid. */
class ArchitectureRulesCanFailTest {

    /** Makes its own executor, like KioskUi's document-scan thread did. */
    static final class OwnExecutor {
        final ExecutorService scans = Executors.newSingleThreadExecutor();
    }

    /** Starts a thread of its own. */
    static final class OwnThread {
        void start() {
            new Thread(() -> { }, "ad-hoc").start();
        }
    }

    /** Takes the executor it runs on from outside: what the rule asks. */
    static final class GivenExecutor {
        final Executor background;

        GivenExecutor(Executor background) {
            this.background = background;
        }
    }

    /** Plays a sound itself instead of asking the voice package. */
    static final class OwnSound {
        boolean speaker() {
            return javax.sound.sampled.AudioSystem.getMixerInfo().length > 0;
        }
    }

    @Test
    void aClassPlayingSoundOutsideTheVoicePackageBreaksTheRule() {
        JavaClasses classes = new ClassFileImporter().importClasses(OwnSound.class, GivenExecutor.class);

        var result = ArchitectureTest.onlyTheVoicePackagePlaysSound.evaluate(classes);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anyMatch(d -> d.contains("OwnSound")
                && d.contains("AudioSystem")).noneMatch(d -> d.contains("GivenExecutor"));
    }

    @Test
    void aClassMakingItsOwnExecutorOrThreadBreaksTheRule() {
        JavaClasses classes = new ClassFileImporter().importClasses(OwnExecutor.class, OwnThread.class,
                GivenExecutor.class);

        var result = ArchitectureTest.onlyTheExecutorRegistryMakesThreads.evaluate(classes);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anyMatch(d -> d.contains("OwnExecutor") && d.contains("Executors.newSingleThreadExecutor"))
                .anyMatch(d -> d.contains("OwnThread") && d.contains("Thread.<init>"))
                .noneMatch(d -> d.contains("GivenExecutor"));
    }

    @Test
    void aUiClassReachingIntoTheRootBreaksTheRule() throws Exception {
        JavaClasses classes = new ClassFileImporter().importClasses(
                Class.forName("org.govkiosk.app.ui.RootReachingFixture"));

        var result = ArchitectureTest.uiNeverReachesTheCompositionRoot.evaluate(classes);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anyMatch(d -> d.contains("AppContext"));
    }

    @Test
    void theTerminalsOwnClassesKeepTheRules() {
        JavaClasses classes = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("org.govkiosk.app");

        assertThat(ArchitectureTest.onlyTheExecutorRegistryMakesThreads.evaluate(classes).hasViolation()).isFalse();
        assertThat(ArchitectureTest.uiNeverReachesTheCompositionRoot.evaluate(classes).hasViolation()).isFalse();
    }
}
