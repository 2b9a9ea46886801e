package org.govkiosk.device.internal.driver.camera;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceException;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.DeviceStatusDetail;
import org.govkiosk.device.TransportConfig;
import org.govkiosk.testkit.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The folder source on a real temporary folder, one scan at a time under a clock the test moves, so "settled" and
 * "still being written" are decided without sleeping.
 */
class WatchedFolderFrameSourceTest {

    private static final Duration SETTLE = Duration.ofMillis(300);

    @TempDir
    Path tmp;

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-18T01:00:00Z"));
    private final RecordingSink sink = new RecordingSink();

    /** Everything the source reported, in order. */
    static final class RecordingSink implements FrameSink {
        final List<String> events = new CopyOnWriteArrayList<>();
        final List<Frame> frames = new CopyOnWriteArrayList<>();
        final List<DeviceException> failures = new CopyOnWriteArrayList<>();
        volatile boolean wanted = true;
        volatile int checks;
        /** The thread that checked last: the source's own, when it runs on one. */
        volatile Thread checker;

        @Override
        public void available() {
            events.add("available");
        }

        @Override
        public void unavailable(DeviceException cause) {
            failures.add(cause);
            events.add("unavailable " + cause.detail());
        }

        @Override
        public void checked() {
            checker = Thread.currentThread();
            checks++;
        }

        @Override
        public boolean wantsFrames() {
            return wanted;
        }

        @Override
        public void frame(Frame frame) {
            frames.add(frame);
            events.add("frame " + frame.name());
        }

        @Override
        public void unreadable(String name, String reason) {
            events.add("unreadable " + name + ": " + reason);
        }
    }

    private WatchedFolderFrameSource source(Path folder, Map<String, String> extra) {
        Map<String, String> options = new java.util.HashMap<>(Map.of("folder", folder.toString(),
                "settle", String.valueOf(SETTLE.toMillis())));
        options.putAll(extra);
        DeviceConfig config = new DeviceConfig("cam-test", DeviceFamily.QR_SCANNER, CameraFolderSettings.MODEL,
                new TransportConfig(TransportConfig.Kind.SYSTEM, null, 0, null, 0), true, Duration.ofMillis(50),
                null, options);
        return new WatchedFolderFrameSource("cam-test", CameraFolderSettings.require(config), clock);
    }

    /** Moving to done/ makes what was taken visible: most tests here look there. */
    private WatchedFolderFrameSource source() {
        return source(tmp, Map.of("processed", "move"));
    }

    private static byte[] picture(String text) {
        return QrPictures.frame(640, 480).with(text, 5, 320, 240, 0).png();
    }

    private List<String> names(String subfolder) throws IOException {
        try (Stream<Path> files = Files.list(tmp.resolve(subfolder))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Scans now and again once the settle time has passed. */
    private void scanSettled(WatchedFolderFrameSource s) {
        s.scanOnce(sink);
        clock.advance(SETTLE);
        s.scanOnce(sink);
    }

    @Test
    void takesASettledPictureOnceAndMovesItToDone() throws IOException {
        WatchedFolderFrameSource s = source();
        Files.write(tmp.resolve("frame-0001.png"), picture("A"));

        s.scanOnce(sink);
        assertThat(sink.frames).as("not settled yet").isEmpty();
        clock.advance(SETTLE);
        s.scanOnce(sink);
        s.scanOnce(sink);

        assertThat(sink.events).containsExactly("available", "frame frame-0001.png");
        assertThat(new QrImageDecoder().decode(sink.frames.get(0).image())).extracting(DecodedCode::text)
                .containsExactly("A");
        assertThat(tmp.resolve("frame-0001.png")).doesNotExist();
        assertThat(names("done")).containsExactly("frame-0001.png");
        assertThat(names("failed")).isEmpty();
    }

    @Test
    void waitsWhileAFileIsStillBeingWritten() throws IOException {
        WatchedFolderFrameSource s = source();
        byte[] png = picture("HALF");
        Path file = tmp.resolve("slow.png");
        Files.write(file, Arrays.copyOf(png, png.length / 2));
        s.scanOnce(sink);
        for (int i = 0; i < 5; i++) {
            // The writer adds a little every 200 ms: never quiet for the settle time.
            clock.advance(Duration.ofMillis(200));
            int from = png.length / 2 + i * 100;
            Files.write(file, Arrays.copyOfRange(png, from, from + 100), StandardOpenOption.APPEND);
            s.scanOnce(sink);
        }
        assertThat(sink.events).containsExactly("available");
        assertThat(file).exists();
        assertThat(s.pendingCount()).isEqualTo(1);

        Files.write(file, Arrays.copyOfRange(png, png.length / 2 + 500, png.length), StandardOpenOption.APPEND);
        scanSettled(s);

        assertThat(sink.events).containsExactly("available", "frame slow.png");
        assertThat(new QrImageDecoder().decode(sink.frames.get(0).image())).extracting(DecodedCode::text)
                .containsExactly("HALF");
        assertThat(names("failed")).isEmpty();
    }

    @Test
    void aRewrittenFileOfTheSameSizeWaitsForItsNewTime() throws IOException {
        WatchedFolderFrameSource s = source();
        Path file = tmp.resolve("same-size.png");
        Files.write(file, picture("ONE"));
        s.scanOnce(sink);
        clock.advance(SETTLE.minusMillis(1));
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        s.scanOnce(sink);
        clock.advance(Duration.ofMillis(2));
        s.scanOnce(sink);
        assertThat(sink.frames).as("settle time counts from the last change, not the first sighting").isEmpty();
        clock.advance(SETTLE);
        s.scanOnce(sink);
        assertThat(sink.frames).hasSize(1);
    }

    @Test
    void ignoresTemporaryNamesUntilRenamedIntoPlace() throws IOException {
        WatchedFolderFrameSource s = source(tmp, Map.of("settle", "0"));
        Path part = tmp.resolve("frame-7.png.part");
        Files.write(part, picture("RENAMED"));
        Files.write(tmp.resolve(".hidden.png"), picture("HIDDEN"));
        s.scanOnce(sink);
        clock.advance(Duration.ofSeconds(5));
        s.scanOnce(sink);
        assertThat(sink.frames).isEmpty();

        Files.move(part, tmp.resolve("frame-7.png"), StandardCopyOption.ATOMIC_MOVE);
        s.scanOnce(sink);

        assertThat(sink.events).containsExactly("available", "frame frame-7.png");
        assertThat(tmp.resolve(".hidden.png")).exists();
    }

    @Test
    void corruptAndForeignFilesGoToFailedAndTheNextPictureStillCounts() throws IOException {
        WatchedFolderFrameSource s = source();
        byte[] png = picture("AFTER");
        Files.write(tmp.resolve("a-truncated.png"), Arrays.copyOf(png, png.length / 3));
        Files.setLastModifiedTime(tmp.resolve("a-truncated.png"), FileTime.from(Instant.now().minusSeconds(30)));
        Files.writeString(tmp.resolve("b-notes.txt"), "not a picture");
        Files.setLastModifiedTime(tmp.resolve("b-notes.txt"), FileTime.from(Instant.now().minusSeconds(20)));
        Files.write(tmp.resolve("c-empty.jpg"), new byte[0]);
        Files.setLastModifiedTime(tmp.resolve("c-empty.jpg"), FileTime.from(Instant.now().minusSeconds(10)));
        Files.write(tmp.resolve("d-good.png"), png);

        scanSettled(s);

        assertThat(sink.events).hasSize(5);
        assertThat(sink.events.get(1)).startsWith("unreadable a-truncated.png: corrupt or truncated");
        assertThat(sink.events.get(2)).startsWith("unreadable b-notes.txt: not a picture");
        assertThat(sink.events.get(3)).startsWith("unreadable c-empty.jpg:");
        assertThat(sink.events.get(4)).isEqualTo("frame d-good.png");
        assertThat(names("failed")).containsExactly("a-truncated.png", "b-notes.txt", "c-empty.jpg");
        assertThat(names("done")).containsExactly("d-good.png");
    }

    @Test
    void tooLargePicturesAreSetAsideUnread() throws IOException {
        WatchedFolderFrameSource s = source(tmp, Map.of("max-megapixels", "1"));
        Files.write(tmp.resolve("huge.png"), QrPictures.frame(1600, 900).png());
        scanSettled(s);
        assertThat(sink.events).containsExactly("available",
                "unreadable huge.png: 1600x900 pixels is more than 1 megapixels");
        assertThat(names("failed")).containsExactly("huge.png");
    }

    @Test
    void picturesArrivingWhileNoCodeIsWantedAreDiscardedUnread() throws IOException {
        WatchedFolderFrameSource s = source();
        sink.wanted = false;
        Files.write(tmp.resolve("early.png"), picture("EARLY"));
        scanSettled(s);
        sink.wanted = true;
        s.scanOnce(sink);
        assertThat(sink.frames).isEmpty();
        assertThat(names("done")).containsExactly("early.png");
    }

    @Test
    void keepsBothPicturesWhenACameraReusesAName() throws IOException {
        WatchedFolderFrameSource s = source();
        Files.write(tmp.resolve("IMG_0001.png"), picture("FIRST"));
        scanSettled(s);
        Files.write(tmp.resolve("IMG_0001.png"), picture("SECOND"));
        scanSettled(s);
        assertThat(sink.frames).hasSize(2);
        assertThat(names("done")).hasSize(2).contains("IMG_0001.png")
                .anySatisfy(n -> assertThat(n).matches("IMG_0001-\\d+-1\\.png"));
    }

    /**
     * Issue 14, attack 6: pictures of citizens' documents and phones were moved to done/ and kept there forever.
     * A picture is read into memory at once (the frame, and for a document the page that goes into the case), so
     * by default it is deleted right after it was read; done/ stays empty.
     */
    @Test
    void byDefaultAPictureIsDeletedOnceRead() throws IOException {
        WatchedFolderFrameSource s = source(tmp, Map.of());
        Files.write(tmp.resolve("document.png"), picture("GKEL1:PERSONAL"));
        scanSettled(s);
        assertThat(sink.frames).hasSize(1);
        assertThat(tmp.resolve("document.png")).doesNotExist();
        assertThat(names("done")).as("nothing kept").isEmpty();
    }

    @Test
    void canDeleteProcessedPicturesInsteadOfKeepingThem() throws IOException {
        WatchedFolderFrameSource s = source(tmp, Map.of("processed", "delete"));
        Files.write(tmp.resolve("personal.png"), picture("E-LICENCE"));
        Files.write(tmp.resolve("broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        scanSettled(s);
        assertThat(sink.frames).hasSize(1);
        assertThat(tmp.resolve("personal.png")).doesNotExist();
        assertThat(names("done")).isEmpty();
        assertThat(names("failed")).as("kept for the technician").containsExactly("broken.png");
    }

    @Test
    void aMissingFolderIsReportedOnceAndNoticedWhenItAppears() throws IOException {
        Path folder = tmp.resolve("camera");
        WatchedFolderFrameSource s = source(folder, Map.of());
        s.scanOnce(sink);
        s.scanOnce(sink);
        assertThat(sink.events).containsExactly("unavailable " + DeviceStatusDetail.PORT_NOT_FOUND);
        assertThat(sink.failures.get(0).getMessage()).contains(folder.toString()).contains("does not exist");
        assertThat(sink.failures.get(0).isFatal()).as("a share may be mounted later").isFalse();
        assertThat(sink.checks).isZero();

        Files.createDirectory(folder);
        s.scanOnce(sink);
        assertThat(sink.events).containsExactly("unavailable " + DeviceStatusDetail.PORT_NOT_FOUND, "available");
        assertThat(folder.resolve("done")).isDirectory();
        assertThat(folder.resolve("failed")).isDirectory();
        assertThat(sink.checks).isEqualTo(1);

        Files.delete(folder.resolve("done"));
        Files.delete(folder.resolve("failed"));
        Files.delete(folder);
        s.scanOnce(sink);
        assertThat(sink.events).endsWith("unavailable " + DeviceStatusDetail.PORT_NOT_FOUND);
    }

    @Test
    void aFileWhereTheFolderShouldBeIsAConfigurationError() throws IOException {
        Path notAFolder = Files.writeString(tmp.resolve("camera"), "x");
        source(notAFolder, Map.of()).scanOnce(sink);
        assertThat(sink.events).containsExactly("unavailable " + DeviceStatusDetail.CONFIGURATION_ERROR);
        assertThat(sink.failures.get(0).isFatal()).isTrue();
    }

    @Test
    void runsOnItsOwnThreadAndStopsOnClose() throws Exception {
        WatchedFolderFrameSource s = new WatchedFolderFrameSource("cam-thread", new CameraFolderSettings(tmp,
                Duration.ofMillis(20), Duration.ZERO, Duration.ZERO, false, 10_000_000), java.time.Clock.systemUTC());
        s.start(sink);
        // Whole or not at all: with no settle time, a file seen half-written would be taken as it was (and fail).
        Path part = tmp.resolve("live.png.part");
        Files.write(part, picture("LIVE"));
        Files.move(part, tmp.resolve("live.png"), StandardCopyOption.ATOMIC_MOVE);
        org.govkiosk.testkit.Await.until("frame taken", Duration.ofSeconds(10), () -> sink.frames.size() == 1,
                () -> sink.events);
        Thread watcher = sink.checker;
        assertThat(watcher).as("checked on its own thread").isNotSameAs(Thread.currentThread());
        s.close();
        int checks = sink.checks;
        // Settled: the thread that scans has ended, so no scan can come any more; then none came since close().
        watcher.join(Duration.ofSeconds(10).toMillis());
        assertThat(watcher.isAlive()).as("the watcher thread ended with close()").isFalse();
        assertThat(sink.checks).as("no scans after close").isEqualTo(checks);
    }
}
