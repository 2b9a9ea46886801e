package org.govkiosk.device.internal.driver.camera.uvc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.govkiosk.device.DeviceException;
import org.govkiosk.device.internal.driver.camera.Frame;
import org.govkiosk.device.internal.driver.camera.FrameSink;
import org.govkiosk.testkit.Await;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A decoder slower than the camera: frames are handed over on the source's own thread, never GStreamer's; the
 * camera keeps its pace while the decoder works; the frames the decoder gets are the newest, and the ones it could
 * not take are dropped, not queued.
 */
class LatestFrameWinsTest {

    @BeforeAll
    static void gstreamer() {
        GStreamerTestSupport.assumeGStreamer();
    }

    /** A sink whose "decoding" takes 300 ms a frame, five times a 15 frames/s camera's interval. */
    private static final class SlowSink implements FrameSink {
        final Set<String> threads = ConcurrentHashMap.newKeySet();
        final Set<String> captureThreads = ConcurrentHashMap.newKeySet();
        final List<Long> numbers = new CopyOnWriteArrayList<>();
        final AtomicLong captured = new AtomicLong();
        final AtomicLong dropped = new AtomicLong();
        volatile boolean available;

        @Override
        public void available() {
            available = true;
        }

        @Override
        public void unavailable(DeviceException cause) {
            available = false;
        }

        @Override
        public void checked() {
        }

        @Override
        public boolean wantsFrames() {
            return true;
        }

        @Override
        public void frame(Frame frame) {
            threads.add(Thread.currentThread().getName());
            numbers.add(Long.parseLong(frame.name().substring("frame ".length())));
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void unreadable(String name, String reason) {
        }

        @Override
        public void captured() {
            captured.incrementAndGet();
            captureThreads.add(Thread.currentThread().getName());
        }

        @Override
        public void dropped() {
            dropped.incrementAndGet();
        }
    }

    @Test
    void aSlowDecoderGetsTheNewestFrameOnItsOwnThreadAndTheRestAreDropped() {
        UvcCameraSettings settings = UvcCameraSettings.require(UvcCameraSettingsTest.config(null, Map.of("pipeline",
                "videotestsrc is-live=true", "width", "320", "height", "240", "frame-rate", "15", "format", "gray")));
        GStreamerFrameSource source = new GStreamerFrameSource("slow", settings, VideoDevices.system(),
                Clock.systemUTC());
        SlowSink sink = new SlowSink();
        source.start(sink);
        try {
            Await.until("8 frames decoded", Duration.ofSeconds(30), () -> sink.numbers.size() >= 8,
                    () -> "captured " + sink.captured + ", decoded " + sink.numbers);
        } finally {
            source.close();
        }
        assertThat(sink.threads).containsExactly("camera-slow");
        assertThat(sink.captureThreads).doesNotContain("camera-slow");
        // Over 8 decodes of 300 ms the camera delivered about 15 frames a second: several per decode.
        List<Long> n = sink.numbers;
        assertThat(n).isSorted();
        long skipped = n.get(n.size() - 1) - n.get(0) - (n.size() - 1);
        assertThat(skipped).as("frames the decoder never saw, in %s", n).isGreaterThan(n.size());
        assertThat(sink.dropped.get()).isPositive();
        assertThat(sink.captured.get()).isGreaterThan(n.get(n.size() - 1) - 1);
    }
}
