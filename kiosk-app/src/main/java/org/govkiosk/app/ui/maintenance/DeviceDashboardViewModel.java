package org.govkiosk.app.ui.maintenance;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.app.maintenance.DeviceCounters;
import org.govkiosk.app.maintenance.DeviceCounts;
import org.govkiosk.app.maintenance.SelfTestResult;
import org.govkiosk.app.ui.DeviceStatusBoard;

/**
 * Every device as a technician needs it: status, detail, last error and when, what it has done, and its self-test.
 * Counts arrive from device threads and the self-test from wherever it completes; both reach the lines on the FX
 * executor.
 */
public final class DeviceDashboardViewModel {

    /** Runs a device's self-test (e.g. {@code DeviceSelfTest::run}); the prompt says what the test waits for. */
    public interface SelfTests {
        java.util.concurrent.CompletionStage<SelfTestResult> run(String deviceId);

        String promptKey(String deviceId);
    }

    /** One device's line. */
    public static final class Line {
        private final DeviceStatusBoard.Row row;
        private final ReadOnlyObjectWrapper<DeviceCounts> counts;
        private final ReadOnlyStringWrapper selfTest = new ReadOnlyStringWrapper("");
        private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper(false);

        Line(DeviceStatusBoard.Row row, DeviceCounts counts) {
            this.row = row;
            this.counts = new ReadOnlyObjectWrapper<>(counts);
        }

        public DeviceStatusBoard.Row row() {
            return row;
        }

        public String deviceId() {
            return row.deviceId();
        }

        public ReadOnlyObjectProperty<DeviceCounts> countsProperty() {
            return counts.getReadOnlyProperty();
        }

        public ReadOnlyStringProperty selfTestProperty() {
            return selfTest.getReadOnlyProperty();
        }

        public ReadOnlyBooleanProperty testingProperty() {
            return testing.getReadOnlyProperty();
        }
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss");

    private final List<Line> lines;
    private final DeviceCounters counters;
    private final SelfTests selfTests;
    private final I18n i18n;
    private final Executor fx;
    private final ZoneId zone;

    public DeviceDashboardViewModel(DeviceStatusBoard board, DeviceCounters counters, SelfTests selfTests, I18n i18n,
            Executor fx, ZoneId zone) {
        this.counters = counters;
        this.selfTests = selfTests;
        this.i18n = i18n;
        this.fx = fx;
        this.zone = zone;
        this.lines = board.rows().stream().map(r -> new Line(r, counters.counts(r.deviceId()))).toList();
        counters.addListener(id -> fx.execute(() -> refresh(id)));
    }

    public List<Line> lines() {
        return lines;
    }

    public void refresh() {
        lines.forEach(l -> l.counts.set(counters.counts(l.deviceId())));
    }

    private void refresh(String deviceId) {
        line(deviceId).ifPresent(l -> l.counts.set(counters.counts(deviceId)));
    }

    private java.util.Optional<Line> line(String deviceId) {
        return lines.stream().filter(l -> l.deviceId().equals(deviceId)).findFirst();
    }

    /** "PAPER_OUT 11-22 03:00:00", or empty when the device never failed. */
    public String lastError(DeviceCounts counts) {
        return counts.lastError().map(e -> i18n.text(e.detail().messageKey()) + " " + WHEN.format(e.at().atZone(zone)))
                .orElse("");
    }

    /** Starts a device's self-test; a second press while it runs does nothing. */
    public void selfTest(String deviceId) {
        Line line = line(deviceId).orElseThrow(() -> new IllegalArgumentException("no device " + deviceId));
        if (line.testing.get()) {
            return;
        }
        line.testing.set(true);
        line.selfTest.set(i18n.text(selfTests.promptKey(deviceId)));
        selfTests.run(deviceId).whenComplete((result, e) -> fx.execute(() -> {
            line.testing.set(false);
            line.selfTest.set(result != null
                    ? i18n.text(result.passed() ? "maintenance.selftest.passed" : "maintenance.selftest.failed")
                            + " " + i18n.text(result.messageKey(), result.shown())
                    : i18n.text("maintenance.selftest.error", String.valueOf(e)));
        }));
    }
}
