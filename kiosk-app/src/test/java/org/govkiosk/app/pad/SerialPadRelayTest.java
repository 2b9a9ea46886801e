package org.govkiosk.app.pad;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.govkiosk.api.RatingRequestEvent;
import org.govkiosk.device.DeviceEvent;
import org.govkiosk.device.DeviceEventBus;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.DeviceStatusChanged;
import org.govkiosk.device.DeviceStatusDetail;
import org.govkiosk.device.DeviceStatusInfo;
import org.govkiosk.device.RatingPad;
import org.junit.jupiter.api.Test;

/** The relay's own rules, with a pad that records what it is asked to do. */
class SerialPadRelayTest {

    private static final Instant NOW = Instant.parse("2026-12-06T09:00:00Z");

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final DeviceEventBus bus = new DeviceEventBus();
    private final RecordingPad pad = new RecordingPad();
    private final List<String> screen = new ArrayList<>();
    private final List<String> keys = new ArrayList<>();
    private final SerialPadRelay relay = new SerialPadRelay(pad, bus, new PadListener() {
        @Override
        public void requestArrived(PadRequest request) {
            screen.add("arrived " + request.requestId());
        }

        @Override
        public void requestClosed(String requestId) {
            screen.add("closed " + requestId);
        }

        @Override
        public void connectionChanged(boolean connected) {
            screen.add("connected " + connected);
        }
    }, (id, level) -> keys.add(id + "=" + level), "5号窗口", Duration.ofMinutes(2), clock);

    private static PadRequest request(String id, Duration valid) {
        return new PadRequest(new RatingRequestEvent(id, "HALL-1", "W-05", "CASE-" + id, "1", "ITEM-1", "社保卡补办",
                "CLERK-7", "李明", NOW, NOW.plus(valid), NOW), NOW.plus(valid));
    }

    @Test
    void aRequestGoesToTheScreenAndThePadWithItsTimeLeftAtMostTheScreensLimit() {
        relay.requestArrived(request("r1", Duration.ofMinutes(10)));
        relay.requestArrived(request("r2", Duration.ofSeconds(30)));
        relay.requestArrived(request("r3", Duration.ofSeconds(3)));

        assertThat(screen).containsExactly("arrived r1", "arrived r2", "arrived r3");
        assertThat(pad.shown).extracting(RatingPad.RatingRequest::requestId).as("3 s is too little for the pad")
                .containsExactly("r1", "r2");
        assertThat(pad.shown.get(0).timeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(pad.shown.get(1).timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(pad.shown.get(0).windowName()).isEqualTo("5号窗口");
        assertThat(pad.shown.get(0).clerkName()).isEqualTo("李明");
    }

    @Test
    void onlyThisPadsKeysReachTheScreensRules() {
        relay.requestArrived(request("r1", Duration.ofMinutes(1)));
        bus.publish(new DeviceEvent.RatingEntered("other-pad", NOW, "r1", 1));
        bus.publish(new DeviceEvent.RatingEntered(pad.id(), NOW, "r1", 5));
        assertThat(keys).containsExactly("r1=5");
    }

    @Test
    void whatTheScreenFinishedClearsThePadAndAReplayOfItStaysOffThePad() {
        relay.requestArrived(request("r1", Duration.ofMinutes(1)));
        relay.screenFinished("r1");
        assertThat(pad.clears).isEqualTo(1);
        relay.screenFinished("r1");
        assertThat(pad.clears).as("once").isEqualTo(1);

        relay.requestArrived(request("r1", Duration.ofMinutes(1))); // replayed after a reconnect
        assertThat(pad.shown).hasSize(1);
        assertThat(screen).containsExactly("arrived r1", "arrived r1");
    }

    @Test
    void aPadThatComesBackShowsTheRequestTheScreenStillOffers() {
        relay.requestArrived(request("r1", Duration.ofMinutes(1)));
        bus.publish(new DeviceStatusChanged(pad.id(), DeviceStatusInfo.online(),
                DeviceStatusInfo.offline(DeviceStatusDetail.DISCONNECTED), NOW));
        bus.publish(new DeviceStatusChanged(pad.id(), DeviceStatusInfo.offline(DeviceStatusDetail.DISCONNECTED),
                DeviceStatusInfo.online(), NOW));
        assertThat(pad.shown).extracting(RatingPad.RatingRequest::requestId).containsExactly("r1", "r1");

        bus.publish(new DeviceEvent.RatingEntered(pad.id(), NOW, "r1", 4));
        bus.publish(new DeviceStatusChanged(pad.id(), DeviceStatusInfo.offline(DeviceStatusDetail.DISCONNECTED),
                DeviceStatusInfo.online(), NOW));
        assertThat(pad.shown).as("a rated request is not shown again").hasSize(2);
    }

    @Test
    void closedByThePlatformClearsThePadToo() {
        relay.requestArrived(request("r1", Duration.ofMinutes(1)));
        relay.requestClosed("r1");
        assertThat(screen).containsExactly("arrived r1", "closed r1");
        assertThat(pad.clears).isEqualTo(1);
    }

    private static final class RecordingPad implements RatingPad {
        final List<RatingRequest> shown = new ArrayList<>();
        int clears;

        @Override
        public CompletableFuture<Void> show(RatingRequest request) {
            shown.add(request);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> clear() {
            clears++;
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public String id() {
            return "pad-serial";
        }

        @Override
        public DeviceFamily family() {
            return DeviceFamily.RATING_PAD;
        }

        @Override
        public DeviceStatusInfo status() {
            return DeviceStatusInfo.online();
        }

        @Override
        public void start() {
        }

        @Override
        public void close() {
        }
    }
}
