package org.govkiosk.app.maintenance;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.govkiosk.app.testkit.StubDevice;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.IdCardReader;
import org.govkiosk.device.QrScanner;
import org.govkiosk.device.RatingPad;

/** Devices whose events the test publishes itself; they remember what the self-test asked of them. */
final class FakeDevices {

    private FakeDevices() {
    }

    abstract static class Base extends StubDevice {
        Base(String id, DeviceFamily family) {
            super(id, family);
        }
    }

    /**
     * A real device takes a moment to be told (a command over the serial line): a self-test that answered before
     * switching reading off again would show here.
     */
    static void switchTakesAMoment(boolean enabled) {
        if (!enabled) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static final class Reader extends Base implements IdCardReader {
        final List<Boolean> reading = new CopyOnWriteArrayList<>();

        Reader(String id) {
            super(id, DeviceFamily.ID_CARD_READER);
        }

        @Override
        public void setReadingEnabled(boolean enabled) {
            switchTakesAMoment(enabled);
            reading.add(enabled);
        }

        @Override
        public void requireNewPlacement() {
        }
    }

    static final class Scanner extends Base implements QrScanner {
        final List<Boolean> reading = new CopyOnWriteArrayList<>();

        Scanner(String id) {
            super(id, DeviceFamily.QR_SCANNER);
        }

        @Override
        public void setReadingEnabled(boolean enabled) {
            switchTakesAMoment(enabled);
            reading.add(enabled);
        }
    }

    static final class Pad extends Base implements RatingPad {
        final List<RatingRequest> shown = new CopyOnWriteArrayList<>();
        volatile int cleared;

        Pad(String id) {
            super(id, DeviceFamily.RATING_PAD);
        }

        @Override
        public CompletableFuture<Void> show(RatingRequest request) {
            shown.add(request);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> clear() {
            cleared++;
            return CompletableFuture.completedFuture(null);
        }
    }
}
