package org.govkiosk.bench;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceEvent;
import org.govkiosk.device.DeviceEventBus;
import org.govkiosk.device.DeviceException;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.DeviceStatus;
import org.govkiosk.device.TransportConfig;
import org.govkiosk.device.driver.DeviceContext;
import org.govkiosk.device.internal.driver.idcard.IdCardReaderDriver;
import org.govkiosk.device.internal.driver.idcard.IdCardReaderDriverFactory;
import org.govkiosk.device.internal.sim.idcard.SimulatedIdCardReader;
import org.govkiosk.device.transport.PipeTransport;
import org.govkiosk.device.transport.Transport;
import org.govkiosk.device.transport.TransportListener;

/**
 * Issue 3: software time from the last byte of an ID card read answer to {@code IdCardRead} published, next to the
 * time that answer takes on the wire at 115200 baud. The real {@link IdCardReaderDriver} (made by its factory) reads
 * from the real simulator over an in-memory pipe; the simulator's side of the pipe notes when it hands over each
 * answer, and a bus subscriber notes when the event arrives. In between: the pipe's delivery thread, the frame
 * decoder, the waiting poll thread waking up, payload and text parsing, ID number check, the masked log line and
 * the bus. Each read is a new screen asking (reading off and on), so the card on the reader is read again at the
 * next poll.
 * <p>
 * Arguments: {@code [warm-up reads] [measured reads]}, default 300 and 1000.
 */
public final class IdCardReadLatencyBenchmark {

    private static final int BAUD = 115_200;
    /** 8N1: a start bit, eight data bits and a stop bit per byte. */
    private static final int BITS_PER_BYTE = 10;

    private IdCardReadLatencyBenchmark() {
    }

    /** The simulator's end of the pipe, noting when the last answer was handed over and how long it was. */
    static final class TimedTransport implements Transport {
        private final Transport delegate;
        volatile long lastWriteNanos;
        volatile int lastWriteLength;

        TimedTransport(Transport delegate) {
            this.delegate = delegate;
        }

        @Override
        public void open(TransportListener listener) throws DeviceException {
            delegate.open(listener);
        }

        @Override
        public void write(byte[] data) throws DeviceException {
            // Noted before the hand-over: the whole answer reaches the host's side at once, as its last byte would.
            lastWriteLength = data.length;
            lastWriteNanos = System.nanoTime();
            delegate.write(data);
        }

        @Override
        public boolean isOpen() {
            return delegate.isOpen();
        }

        @Override
        public void close() {
            delegate.close();
        }

        @Override
        public String describe() {
            return "timed " + delegate.describe();
        }
    }

    /** One read: software latency and the size of the answer it came in. */
    private record Read(long nanos, int answerBytes) {
    }

    public static void main(String[] args) throws Exception {
        int warmUp = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 1000;

        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
        DeviceEventBus bus = new DeviceEventBus();
        PipeTransport[] pipe = PipeTransport.pair("bench-idcard");
        TimedTransport deviceSide = new TimedTransport(pipe[1]);
        SimulatedIdCardReader sim = SimulatedIdCardReader.withDemoCards();
        sim.attach(deviceSide);
        // A 5 ms poll (the factory's config check asks for 50 ms or more) only shortens the wait between reads; the
        // path measured starts when the answer arrives and does not depend on it.
        DeviceConfig config = new DeviceConfig("idcard-bench", DeviceFamily.ID_CARD_READER, null,
                TransportConfig.simulator(), true, Duration.ofMillis(5), Duration.ofSeconds(30),
                Map.of(IdCardReaderDriverFactory.RESPONSE_TIMEOUT, "2000"));
        BlockingQueue<Read> reads = new ArrayBlockingQueue<>(4);
        bus.onEvent(e -> {
            if (e instanceof DeviceEvent.IdCardRead) {
                long published = System.nanoTime();
                reads.add(new Read(published - deviceSide.lastWriteNanos, deviceSide.lastWriteLength));
            }
        });
        IdCardReaderDriver driver = (IdCardReaderDriver) new IdCardReaderDriverFactory().create(config, pipe[0],
                new DeviceContext(scheduler, bus, Clock.systemUTC()));
        try {
            driver.start();
            awaitOnline(driver);
            sim.place(sim.cardNames().contains("demo-zhang") ? "demo-zhang" : sim.cardNames().iterator().next());

            long started = System.nanoTime();
            long[] nanos = new long[measured];
            int answerBytes = 0;
            for (int i = 0; i < warmUp + measured; i++) {
                driver.setReadingEnabled(false);
                driver.setReadingEnabled(true);
                Read r = reads.poll(10, TimeUnit.SECONDS);
                if (r == null) {
                    throw new IllegalStateException("no IdCardRead within 10 s at read " + i + "; driver "
                            + driver.status() + " " + driver.statistics());
                }
                if (i >= warmUp) {
                    nanos[i - warmUp] = r.nanos();
                    answerBytes = r.answerBytes();
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            print(Samples.of(nanos, measured), answerBytes, warmUp, seconds);
        } finally {
            driver.close();
            sim.close();
            scheduler.shutdownNow();
        }
    }

    private static void awaitOnline(IdCardReaderDriver driver) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (driver.status().status() != DeviceStatus.ONLINE) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("driver not online: " + driver.status());
            }
            Thread.sleep(10);
        }
    }

    private static void print(Samples s, int answerBytes, int warmUp, double seconds) {
        double wireMs = answerBytes * BITS_PER_BYTE * 1000.0 / BAUD;
        System.out.println();
        System.out.println("ID card read: last byte of the read answer -> IdCardRead published (software only)");
        System.out.printf(Locale.ROOT, "  %d reads measured after %d warm-up reads, %.1f s; %s%n", s.count(), warmUp,
                seconds, Machine.describe());
        System.out.println("  " + Samples.header("path"));
        System.out.println("  " + s.row("software: last byte -> IdCardRead"));
        System.out.printf(Locale.ROOT, "  %-44s %6s %10.3f %10s %10s %10s%n",
                "wire: " + answerBytes + " B answer at " + BAUD + " baud 8N1", "", wireMs, "", "", "");
        System.out.printf(Locale.ROOT, "  software median is %.2f%% of the wire time; target: median under 2 ms -> %s%n",
                100.0 * s.medianMs() / wireMs, s.medianMs() < 2.0 ? "met" : "NOT met");
    }
}
