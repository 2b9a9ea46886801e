package org.govkiosk.device.internal.driver.camera.uvc;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.freedesktop.gstreamer.Bus;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.FlowReturn;
import org.freedesktop.gstreamer.Gst;
import org.freedesktop.gstreamer.Pipeline;
import org.freedesktop.gstreamer.Sample;
import org.freedesktop.gstreamer.StateChangeReturn;
import org.freedesktop.gstreamer.Structure;
import org.freedesktop.gstreamer.elements.AppSink;
import org.freedesktop.gstreamer.glib.GError;
import org.govkiosk.device.DeviceException;
import org.govkiosk.device.DeviceStatusDetail;
import org.govkiosk.device.internal.driver.camera.Frame;
import org.govkiosk.device.internal.driver.camera.FrameSink;
import org.govkiosk.device.internal.driver.camera.FrameSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live frames from a USB (UVC) camera through GStreamer: {@code v4l2src ! videoconvert ! ... ! appsink} (see
 * {@link GStreamerPipelines}). Three threads take part:
 * <ul>
 * <li>GStreamer's streaming thread hands each frame to {@link #onSample}: it is counted, and copied only when
 * somebody wants it (the decoder, a document request, the preview), into a one-frame slot where a newer frame
 * replaces an older one the decoder has not taken yet (latest frame wins; memory stays at a few frames);</li>
 * <li>the source's own thread opens the pipeline, takes frames from the slot and hands them to the sink, where they
 * are decoded, and watches the camera: an error or end-of-stream on the pipeline's bus, the camera's node gone from
 * {@code /dev}, or no frame for {@link #STALL_NANOS}, close the pipeline and report the camera unavailable
 * (DISCONNECTED when it was unplugged), then it looks again every poll interval and resumes when it is back;</li>
 * <li>GStreamer's bus thread only notes errors and the end of the stream for the source's thread.</li>
 * </ul>
 */
public final class GStreamerFrameSource implements FrameSource {

    private static final Logger LOG = LoggerFactory.getLogger(GStreamerFrameSource.class);
    /** A camera that sends nothing for this long is taken as stuck and opened again. */
    static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(5);
    /** How long opening may take before the camera counts as not answering. */
    private static final long OPEN_TIMEOUT_SECONDS = 5;

    private final String name;
    private final UvcCameraSettings settings;
    private final VideoDevices devices;
    private final Clock clock;
    private final Object signal = new Object();
    private final AtomicReference<Frame> latest = new AtomicReference<>();
    private final AtomicLong samples = new AtomicLong();
    private final AtomicLong generation = new AtomicLong();
    private final PipelineFigures figures = new PipelineFigures();
    private volatile FrameSink sink;
    private volatile boolean closed;
    private volatile boolean wakeUp;
    /** Set by the bus thread for the current pipeline; read and cleared by the source's thread. */
    private volatile String fault;
    private volatile String node;
    private Thread worker;

    // The source's thread only:
    private Pipeline pipeline;
    private boolean seenCamera;
    private Boolean wasAvailable;
    private String lastProblem;
    private long seenSamples;
    private long lastSampleNanos;

    public GStreamerFrameSource(String name, UvcCameraSettings settings, VideoDevices devices, Clock clock) {
        this.name = Objects.requireNonNull(name);
        this.settings = Objects.requireNonNull(settings);
        this.devices = Objects.requireNonNull(devices);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public synchronized void start(FrameSink frameSink) {
        if (worker != null) {
            throw new IllegalStateException(describe() + " already started");
        }
        this.sink = Objects.requireNonNull(frameSink);
        worker = new Thread(this::run, "camera-" + name);
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public boolean isLive() {
        return true;
    }

    @Override
    public void retryNow() {
        wake();
    }

    @Override
    public String describe() {
        if (settings.pipeline() != null) {
            return "gstreamer:" + settings.pipeline();
        }
        String n = node;
        return "camera:" + settings.device() + (n != null && !n.equals(settings.device()) ? " (" + n + ")" : "")
                + " " + settings.width() + "x" + settings.height() + "@" + settings.frameRate();
    }

    @Override
    public void close() {
        closed = true;
        wake();
        Thread w;
        synchronized (this) {
            w = worker;
        }
        if (w != null && w != Thread.currentThread()) {
            try {
                w.join(TimeUnit.SECONDS.toMillis(OPEN_TIMEOUT_SECONDS + 2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** What the current pipeline negotiated and delivered: for tests and the benchmark. */
    public PipelineFigures figures() {
        return figures;
    }

    private void wake() {
        synchronized (signal) {
            wakeUp = true;
            signal.notifyAll();
        }
    }

    private void run() {
        try {
            while (!closed) {
                try {
                    step();
                } catch (RuntimeException e) {
                    // A bug here must not end the thread: the camera is opened again at the next look.
                    LOG.error("Camera {} failed", name, e);
                    teardown();
                    pause(settings.pollInterval().toNanos());
                }
            }
        } finally {
            teardown();
        }
    }

    private void step() {
        if (pipeline == null) {
            try {
                open();
            } catch (DeviceException e) {
                teardown();
                report(e);
                pause(settings.pollInterval().toNanos());
                return;
            }
        }
        Frame frame = awaitFrame(settings.pollInterval().toNanos());
        DeviceException problem = problem();
        if (problem != null) {
            teardown();
            report(problem);
            pause(settings.pollInterval().toNanos()); // then opened again: a replugged camera resumes by itself
            return;
        }
        long s = samples.get();
        if (s != seenSamples) {
            seenSamples = s;
            lastSampleNanos = System.nanoTime();
            if (!Boolean.TRUE.equals(wasAvailable)) {
                wasAvailable = true;
                lastProblem = null;
                LOG.info("Camera {} delivers {}", name, figures.negotiated());
                sink.available();
            }
            sink.checked();
        }
        if (frame != null && !closed) {
            sink.frame(frame);
            sink.checked();
        }
    }

    /** Why the running pipeline must be closed, or null while it serves. */
    private DeviceException problem() {
        String f = fault;
        String n = node;
        if (n != null && !Files.exists(Path.of(n))) {
            return new DeviceException(DeviceException.Code.DISCONNECTED, DeviceStatusDetail.DISCONNECTED,
                    "camera " + n + " was unplugged");
        }
        if (f != null) {
            return new DeviceException(DeviceException.Code.IO_ERROR, DeviceStatusDetail.COMMUNICATION_ERROR,
                    "camera pipeline stopped: " + f);
        }
        if (System.nanoTime() - lastSampleNanos > STALL_NANOS) {
            return new DeviceException(DeviceException.Code.TIMEOUT, DeviceStatusDetail.NO_DATA_TIMEOUT,
                    "camera sent no frame for " + TimeUnit.NANOSECONDS.toSeconds(STALL_NANOS) + " s");
        }
        return null;
    }

    private void report(DeviceException e) {
        if (!Boolean.FALSE.equals(wasAvailable) || !e.getMessage().equals(lastProblem)) {
            wasAvailable = false;
            lastProblem = e.getMessage();
            sink.unavailable(e);
        }
    }

    private void open() throws DeviceException {
        GStreamerRuntime.init();
        String found = null;
        if (settings.pipeline() == null) {
            found = devices.find(settings.device(), seenCamera);
            seenCamera = true;
        }
        node = found;
        String description = GStreamerPipelines.describe(settings, found);
        List<GError> errors = new ArrayList<>();
        Element parsed = Gst.parseLaunch(description, errors);
        if (!errors.isEmpty() || !(parsed instanceof Pipeline)) {
            if (parsed != null) {
                parsed.dispose();
            }
            throw new DeviceException(DeviceException.Code.CONFIGURATION_INVALID,
                    DeviceStatusDetail.CONFIGURATION_ERROR, "camera pipeline '" + description + "' cannot be built: "
                            + (errors.isEmpty() ? "not a pipeline" : errors.get(0).getMessage()));
        }
        Pipeline p = (Pipeline) parsed;
        pipeline = p;
        long gen = generation.incrementAndGet();
        fault = null;
        figures.reset();
        AppSink appSink = (AppSink) p.getElementByName(GStreamerPipelines.SINK_NAME);
        appSink.set("emit-signals", true);
        appSink.connect((AppSink.NEW_SAMPLE) s -> onSample(s, gen));
        Bus bus = p.getBus();
        bus.connect((Bus.ERROR) (source, code, message) -> onFault(gen, source.getName() + ": " + message));
        bus.connect((Bus.EOS) source -> onFault(gen, "end of stream"));
        lastSampleNanos = System.nanoTime();
        StateChangeReturn r = p.play();
        if (r == StateChangeReturn.FAILURE) {
            // The reason arrives on the bus; give it a moment so the report names it.
            p.getState(TimeUnit.SECONDS.toNanos(1));
            String why = fault;
            throw opening(found, why == null ? "the pipeline refused to start" : why);
        }
        LOG.debug("Camera {} opened: {}", name, description);
    }

    private DeviceException opening(String found, String why) {
        if (found != null && !Files.exists(Path.of(found))) {
            return new DeviceException(DeviceException.Code.DISCONNECTED, DeviceStatusDetail.DISCONNECTED,
                    "camera " + found + " was unplugged");
        }
        boolean busy = why.contains("busy") || why.contains("Device or resource busy");
        return new DeviceException(busy ? DeviceException.Code.PORT_IN_USE : DeviceException.Code.IO_ERROR,
                busy ? DeviceStatusDetail.PORT_IN_USE : DeviceStatusDetail.COMMUNICATION_ERROR,
                "camera " + describe() + " cannot start: " + why
                        + (why.contains("not-negotiated") || why.contains("negotiat")
                                ? " (does the camera offer " + settings.width() + "x" + settings.height() + "@"
                                        + settings.frameRate() + "? v4l2-ctl --list-formats-ext; options.input mjpeg)"
                                : ""));
    }

    private void onFault(long gen, String what) {
        if (gen == generation.get() && fault == null) {
            fault = what;
            wake();
        }
    }

    /** On GStreamer's streaming thread: count, and copy only what somebody wants. */
    private FlowReturn onSample(AppSink appSink, long gen) {
        Sample sample = appSink.pullSample();
        if (sample == null) {
            return FlowReturn.EOS;
        }
        try {
            if (gen != generation.get() || closed) {
                return FlowReturn.OK;
            }
            FrameSink s = sink;
            long n = samples.incrementAndGet();
            s.captured();
            figures.sample(sample.getBuffer().getPresentationTimestamp());
            if (figures.negotiated().isEmpty()) {
                figures.negotiated(sample.getCaps().getStructure(0).toString());
            }
            boolean decode = s.wantsFrames();
            boolean preview = s.wantsPreview();
            if (decode || preview) {
                Frame frame = new Frame("frame " + n, image(sample), clock.instant());
                if (preview) {
                    s.preview(frame);
                }
                if (decode && latest.getAndSet(frame) != null) {
                    s.dropped();
                }
                wake();
            } else if (n % 8 == 0) {
                wake(); // the source's thread signs life for a camera nobody reads from
            }
        } catch (RuntimeException e) {
            LOG.warn("Camera {} could not take a frame: {}", name, e.toString());
        } finally {
            sample.dispose();
        }
        return FlowReturn.OK;
    }

    private BufferedImage image(Sample sample) {
        Structure caps = sample.getCaps().getStructure(0);
        int width = caps.getInteger("width");
        int height = caps.getInteger("height");
        if (width != settings.width() || height != settings.height()) {
            throw new IllegalArgumentException("a " + width + "x" + height + " frame, " + settings.width() + "x"
                    + settings.height() + " was set");
        }
        org.freedesktop.gstreamer.Buffer buffer = sample.getBuffer();
        ByteBuffer bytes = buffer.map(false);
        try {
            return FrameImages.copy(bytes, width, height, settings.gray());
        } finally {
            buffer.unmap();
        }
    }

    private Frame awaitFrame(long nanos) {
        long until = System.nanoTime() + nanos;
        synchronized (signal) {
            while (!closed && !wakeUp) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    signal.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    closed = true;
                }
            }
            wakeUp = false;
        }
        return latest.getAndSet(null);
    }

    private void pause(long nanos) {
        awaitFrame(nanos);
        latest.set(null);
    }

    private void teardown() {
        Pipeline p = pipeline;
        pipeline = null;
        generation.incrementAndGet();
        latest.set(null);
        if (p != null) {
            try {
                p.stop();
            } catch (RuntimeException e) {
                LOG.debug("Camera {}: stopping the pipeline failed: {}", name, e.toString());
            }
            p.dispose();
        }
    }
}
