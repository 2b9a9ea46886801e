package org.govkiosk.app.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

class StartGateTest {

    private final StartGate gate = new StartGate();
    private final List<String> ran = new CopyOnWriteArrayList<>();
    private final Executor direct = Runnable::run;

    @Test
    void heldWorkWaitsForTheFirstScreenThenRunsInOrder() {
        gate.on(direct).execute(() -> ran.add("platform"));
        gate.on(direct).execute(() -> ran.add("font"));

        assertThat(ran).as("nothing before the first screen").isEmpty();
        gate.open();
        assertThat(ran).containsExactly("platform", "font");
    }

    @Test
    void workGivenAfterTheGateOpenedRunsAtOnceAndOpeningTwiceRunsNothingTwice() {
        gate.on(direct).execute(() -> ran.add("early"));
        gate.open();
        gate.open();
        gate.on(direct).execute(() -> ran.add("late"));

        assertThat(ran).containsExactly("early", "late");
        assertThat(gate.isOpen()).isTrue();
    }

    @Test
    void anExecutorThatRefusesDoesNotKeepTheRestFromStarting() {
        gate.on(task -> {
            throw new RejectedExecutionException("closed while the terminal stops");
        }).execute(() -> ran.add("never"));
        gate.on(direct).execute(() -> ran.add("dictionary"));

        gate.open();

        assertThat(ran).containsExactly("dictionary");
    }
}
