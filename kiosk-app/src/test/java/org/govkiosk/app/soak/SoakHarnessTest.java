package org.govkiosk.app.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.govkiosk.app.outbox.OutboxWorker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short soak in CI: sessions across four terminals with faults more frequent than in the long run, so each kind
 * happens. Every case and rating must reach the platform exactly once, and nothing may leak: threads outside the
 * pools that grow and shrink by design, and open files other than sockets, must not grow from the first checkpoint
 * to the last; sockets stay within what the HTTP connection pools may hold. The heap is printed, not judged: a
 * run this short is still warming up (the long run, scripts/soak.sh, judges it).
 * {@code -Dgovkiosk.soak.sessions=N} changes the length.
 */
class SoakHarnessTest {

    private static final int TERMINALS = 4;

    @TempDir
    Path dir;

    @Test
    void shortSoakLosesNothingAndLeaksNoThreadsOrFiles() throws Exception {
        int sessions = Integer.getInteger("govkiosk.soak.sessions", 1200);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        SoakReport report = SoakHarness.run(new SoakHarness.Options(sessions, sessions / 4, TERMINALS, 0.05, 0.01,
                42L, dir, Path.of("../config"), Duration.ofMinutes(2)), out);
        String printed = buffer.toString(StandardCharsets.UTF_8);
        System.out.print(printed);

        assertThat(report.sessions()).isEqualTo(sessions);
        assertThat(report.checkpoints()).hasSize(4);
        assertThat(printed).contains("heap-MB", "platform store: lost 0, duplicated 0");
        // Faults really happened, and citizens still got their cases in and their receipts out.
        assertThat(report.counters()).doesNotContain("device faults 0,", "platform outages 0");
        assertThat(report.casesQueued()).isGreaterThan(sessions / 2);
        assertThat(report.ratingsQueued()).isPositive();
        assertThat(report.lost()).isZero();
        assertThat(report.duplicated()).isZero();
        assertThat(report.deadLetters()).isZero();
        assertThat(report.outboxFlat()).isTrue();
        assertThat(report.fixedThreadGrowth()).as("growth %% of threads outside elastic pools")
                .isLessThan(SoakReport.MAX_GROWTH_PERCENT);
        assertThat(report.nonSocketFdGrowth()).as("growth %% of open files other than sockets")
                .isLessThan(SoakReport.MAX_GROWTH_PERCENT);
        // Each terminal keeps at most one connection per sender thread plus one for the citizen's own queries, and
        // the platform holds the other end of each.
        assertThat(report.maxSockets()).isLessThanOrEqualTo(2L * TERMINALS * (OutboxWorker.DEFAULT_PARALLELISM + 1)
                + 4);
    }
}
