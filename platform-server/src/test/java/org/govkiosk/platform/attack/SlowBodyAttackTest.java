package org.govkiosk.platform.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.platform.config.Exposure;
import org.govkiosk.platform.Fixtures;
import org.govkiosk.platform.config.PlatformConfig;
import org.govkiosk.platform.RunningPlatform;
import org.govkiosk.testkit.Await;
import org.junit.jupiter.api.Test;

/**
 * Slow bodies from many connections (issue 14, trust boundaries): 200 connections from one address open a fleet login
 * (no credentials needed: the body is the credential) and then trickle its body a byte at a time, or send none at
 * all. The platform must keep only a few of them per address, end the rest by the minimum data rate and the body
 * deadline, keep its threads and memory, and serve a well-behaved terminal (another address) meanwhile.
 */
class SlowBodyAttackTest extends RunningPlatform {

    private static final int CONNECTIONS = 200;
    private static final int PER_ADDRESS = 16;
    /**
     * Long enough that the admitted connections outlive the attack's set-up on a loaded machine (opening 200
     * sockets took longer than 3 s there, and the attack was over before the terminal came).
     */
    private static final Duration BODY_DEADLINE = Duration.ofSeconds(10);
    /** Another loopback address than the terminal's 127.0.0.1: Linux routes all of 127/8 to lo. */
    private static final String ATTACKER = "127.0.0.2";

    @Override
    protected PlatformConfig config() {
        return super.config().withExposure(Exposure.defaults().withBodyLimits(1024, BODY_DEADLINE, PER_ADDRESS));
    }

    /** One thread drives all attacking connections: a byte every 250 ms on half of them, nothing on the others. */
    private final class Attack implements Runnable {
        final Selector selector = Selector.open();
        final List<SocketChannel> channels = new ArrayList<>();
        final AtomicInteger open = new AtomicInteger();
        final AtomicLong trickled = new AtomicLong();
        final AtomicBoolean stop = new AtomicBoolean();

        Attack() throws IOException {
            byte[] head = ("POST /staff/login HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 4000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < CONNECTIONS; i++) {
                SocketChannel ch = SocketChannel.open();
                channels.add(ch);
                try {
                    ch.bind(new InetSocketAddress(InetAddress.getByName(ATTACKER), 0));
                    ch.connect(new InetSocketAddress("127.0.0.1", server.baseUri().getPort()));
                    ch.write(ByteBuffer.wrap(head));
                } catch (IOException e) {
                    // Refused or closed at once: one connection fewer for the attack.
                    ch.close();
                    continue;
                }
                ch.configureBlocking(false);
                ch.register(selector, SelectionKey.OP_READ, i % 2 == 0);
                open.incrementAndGet();
            }
        }

        @Override
        public void run() {
            long next = System.nanoTime();
            ByteBuffer in = ByteBuffer.allocate(4096);
            try {
                while (!stop.get() && open.get() > 0) {
                    selector.select(50);
                    for (SelectionKey key : selector.selectedKeys()) {
                        // An answer (408, 413, ...) or the server closing: this connection is over.
                        in.clear();
                        int n;
                        try {
                            n = ((SocketChannel) key.channel()).read(in);
                        } catch (IOException e) {
                            n = -1;
                        }
                        if (n != 0) {
                            end(key);
                        }
                    }
                    selector.selectedKeys().clear();
                    if (System.nanoTime() - next >= 0) {
                        next += TimeUnit.MILLISECONDS.toNanos(250);
                        for (SelectionKey key : selector.keys()) {
                            if (key.isValid() && (Boolean) key.attachment()) {
                                try {
                                    ((SocketChannel) key.channel()).write(ByteBuffer.wrap(new byte[] {'t'}));
                                    trickled.incrementAndGet();
                                } catch (IOException e) {
                                    end(key);
                                }
                            }
                        }
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private void end(SelectionKey key) {
            key.cancel();
            try {
                key.channel().close();
            } catch (IOException ignored) {
                // already gone
            }
            open.decrementAndGet();
        }

        void close() throws IOException {
            stop.set(true);
            for (SocketChannel ch : channels) {
                ch.close();
            }
            selector.close();
        }
    }

    private long attackerEndpoints() {
        return ((ServerConnector) jetty().getConnectors()[0]).getConnectedEndPoints().stream()
                .filter(e -> e.getRemoteSocketAddress() instanceof InetSocketAddress a
                        && a.getAddress().getHostAddress().equals(ATTACKER))
                .count();
    }

    @Test
    void twoHundredTricklingConnectionsNeitherPinThreadsNorKeepATerminalOut() throws Exception {
        QueuedThreadPool threads = (QueuedThreadPool) jetty().getThreadPool();
        int busyBefore = threads.getBusyThreads();
        Runtime rt = Runtime.getRuntime();
        Attack attack = new Attack();
        Thread driver = new Thread(attack, "slow-body-attack");
        driver.setDaemon(true);
        AtomicLong peakHeap = new AtomicLong();
        AtomicInteger peakBusy = new AtomicInteger();
        AtomicLong peakHeld = new AtomicLong();
        Runnable sample = () -> {
            peakHeap.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
            peakBusy.accumulateAndGet(threads.getBusyThreads(), Math::max);
            peakHeld.accumulateAndGet(attackerEndpoints(), Math::max);
        };
        try {
            driver.start();
            // The attack is on once the platform holds attacking connections (on a loaded machine the attack's
            // thread may not have opened one yet when the terminal's case is filed).
            Await.until("the platform holds attacking connections", Duration.ofSeconds(15), () -> {
                sample.run();
                return attackerEndpoints() >= PER_ADDRESS / 2;
            });
            sample.run();
            // A terminal files a case while the attack is on.
            long t0 = System.nanoTime();
            int status = CompletableFuture.supplyAsync(() -> {
                try {
                    return terminal.post(ApiPaths.CASES, Fixtures.submission(terminal.id, "during-attack"))
                            .statusCode();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).get(15, TimeUnit.SECONDS);
            long servedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            int openWhenServed = attack.open.get();
            sample.run();
            Await.until("every attacking connection ended by the platform", BODY_DEADLINE.multipliedBy(3), () -> {
                sample.run();
                return attack.open.get() == 0;
            }, () -> attack.open.get() + " of " + CONNECTIONS + " still open, " + attackerEndpoints()
                    + " held by the platform, " + threads.getBusyThreads() + " busy threads");
            System.out.printf("slow-body attack: %d connections from %s; terminal served %d in %d ms while %d were"
                    + " open; platform held at most %d of them, busy threads at most %d (%d before); heap used at"
                    + " most %d MB of %d MB; %d bytes trickled%n", CONNECTIONS, ATTACKER, status, servedMillis,
                    openWhenServed, peakHeld.get(), peakBusy.get(), busyBefore, peakHeap.get() >> 20,
                    rt.maxMemory() >> 20, attack.trickled.get());
            assertThat(status).as("the terminal's case during the attack").isEqualTo(201);
            assertThat(openWhenServed).as("the attack was still on when the terminal was served").isPositive();
            assertThat(peakHeld.get()).as("connections the platform holds for one address")
                    .isLessThanOrEqualTo(PER_ADDRESS);
            // Those of the admitted connections, and those closing refused ones and serving the terminal: not one
            // per connection held (before the limits: 202 of 200, all pinned until the bodies came). Refused
            // connections are closed at once, but on a loaded machine their closing briefly takes threads (48 and
            // 80 seen beside CI runs), hence half the attack's connections as the bound; none stays pinned.
            assertThat(peakBusy.get()).as("threads busy during the attack")
                    .isLessThanOrEqualTo(busyBefore + CONNECTIONS / 2);
        } finally {
            attack.close();
        }
    }

    /** What one slow client is told: 408 body-too-slow, retryable (a terminal's network may have been slow). */
    @Test
    void aTrickledOrMissingBodyIsAnswered408() throws Exception {
        var pacer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        try {
            answered408(pacer);
        } finally {
            pacer.shutdownNow();
        }
    }

    private void answered408(java.util.concurrent.ScheduledExecutorService pacer) throws Exception {
        for (boolean trickle : new boolean[] {true, false}) {
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.baseUri().getPort())) {
                socket.setSoTimeout((int) BODY_DEADLINE.multipliedBy(4).toMillis());
                var out = socket.getOutputStream();
                out.write(("POST /staff/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                        + "application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nt")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                        StandardCharsets.UTF_8));
                if (trickle) {
                    // The attacker's pace, not a wait: a second byte 300 ms after the first, far under 1024 bytes/s.
                    pacer.schedule(() -> {
                        out.write('o');
                        out.flush();
                        return null;
                    }, 300, TimeUnit.MILLISECONDS);
                }
                String status = in.readLine();
                String body = in.lines().filter(l -> l.startsWith("{")).findFirst().orElse("");
                assertThat(status).as(trickle ? "trickled" : "no body at all")
                        .isEqualTo("HTTP/1.1 408 Request Timeout");
                assertThat(body).contains("\"code\":\"body-too-slow\"").contains("\"retryable\":true");
            }
        }
    }
}
