package org.govkiosk.device.testkit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.govkiosk.device.Device;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceException;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.DeviceStatusDetail;
import org.govkiosk.device.DeviceStatusInfo;
import org.govkiosk.device.QrScanner;
import org.govkiosk.device.driver.AbstractDeviceDriver;
import org.govkiosk.device.driver.DeviceContext;
import org.govkiosk.device.driver.DriverFactory;
import org.govkiosk.device.sim.DeviceSimulator;
import org.govkiosk.device.transport.Transport;

/**
 * A tiny line protocol for tests of the plumbing: the host sends {@code PING\n}, the device answers
 * {@code PONG\n}. Its driver is a real {@link AbstractDeviceDriver}, its simulator a real {@link DeviceSimulator}.
 */
public final class PingProtocol {

    private PingProtocol() {
    }

    /** Splits a byte stream into lines, whatever the chunking. */
    private static final class Lines {
        private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

        synchronized void feed(byte[] data, Consumer<String> line) {
            for (byte b : data) {
                if (b == '\n') {
                    line.accept(partial.toString(StandardCharsets.US_ASCII));
                    partial.reset();
                } else {
                    partial.write(b);
                }
            }
        }

        synchronized void reset() {
            partial.reset();
        }
    }

    /** Goes ONLINE once the device answers the PING sent on connect. Typed as a scanner for byFamily tests. */
    public static final class PingDriver extends AbstractDeviceDriver implements QrScanner {
        private final Lines lines = new Lines();
        private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();

        public PingDriver(DeviceConfig config, Transport transport, DeviceContext context) {
            super(config, transport, context);
        }

        @Override
        protected void onConnected() throws DeviceException {
            answers.clear();
            transport.write("PING\n".getBytes(StandardCharsets.US_ASCII));
            String answer;
            try {
                answer = answers.poll(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeviceException(DeviceException.Code.TIMEOUT, DeviceStatusDetail.NO_DATA_TIMEOUT,
                        "interrupted waiting for PONG");
            }
            if (!"PONG".equals(answer)) {
                throw new DeviceException(DeviceException.Code.TIMEOUT, DeviceStatusDetail.NO_DATA_TIMEOUT,
                        "expected PONG, got " + answer);
            }
            setStatus(DeviceStatusInfo.online());
        }

        @Override
        protected void onBytes(byte[] data) {
            lines.feed(data, answers::add);
        }

        @Override
        protected void onLinkLost() {
            lines.reset();
        }

        @Override
        public void setReadingEnabled(boolean enabled) {
            // nothing to switch in this protocol
        }

        public Transport transport() {
            return transport;
        }

        public boolean closed() {
            return isClosed();
        }
    }

    /** Answers every PING line with PONG; {@code pings} on the console says how many it has seen. */
    public static final class PingSimulator extends DeviceSimulator {
        private final Lines lines = new Lines();
        private volatile int pings;

        @Override
        public String name() {
            return "ping";
        }

        @Override
        protected void onBytes(byte[] data) {
            lines.feed(data, line -> {
                if (line.equals("PING")) {
                    pings++;
                    send("PONG\n".getBytes(StandardCharsets.US_ASCII));
                }
            });
        }

        public volatile boolean closed;

        public int pings() {
            return pings;
        }

        @Override
        public void close() {
            closed = true;
            super.close();
        }

        @Override
        protected String deviceCommand(String[] words) {
            if (words[0].equals("pings")) {
                return "pings " + pings;
            }
            return super.deviceCommand(words);
        }
    }

    /**
     * Makes ping drivers for one family. {@code options.greeting}, when given, must not be blank, so tests can
     * see factory problems reported; {@code withSimulator} decides whether the family has a simulator.
     */
    public static class PingDriverFactory implements DriverFactory {
        private final DeviceFamily family;
        private final boolean withSimulator;
        public final List<PingSimulator> simulatorsMade = new ArrayList<>();

        public PingDriverFactory(DeviceFamily family, boolean withSimulator) {
            this.family = family;
            this.withSimulator = withSimulator;
        }

        @Override
        public DeviceFamily family() {
            return family;
        }

        @Override
        public List<String> validate(DeviceConfig config) {
            return config.option("greeting").filter(String::isBlank)
                    .map(g -> List.of("options.greeting: must not be blank")).orElse(List.of());
        }

        @Override
        public Device create(DeviceConfig config, Transport transport, DeviceContext context) {
            return new PingDriver(config, transport, context);
        }

        @Override
        public Optional<DeviceSimulator> simulator(DeviceConfig config) {
            if (!withSimulator) {
                return Optional.empty();
            }
            PingSimulator simulator = new PingSimulator();
            simulatorsMade.add(simulator);
            return Optional.of(simulator);
        }
    }
}
