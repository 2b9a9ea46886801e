package org.govkiosk.platform.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.platform.RunningPlatform;
import org.govkiosk.platform.http.CaseRoutes;
import org.junit.jupiter.api.Test;

/**
 * Attacks on the body limits (issue 14, trust boundaries): bodies far over the limit, sent chunked so that no
 * Content-Length warns the server, and large declared lengths from clients without credentials. The platform must
 * refuse them while (or before) reading, so its memory never holds more than the limit: the tests count how much
 * the client got to send before the answer came.
 */
class BodyLimitAttackTest extends RunningPlatform {

    private static final long HUGE = 64L * 1024 * 1024;
    /**
     * What may have gone out before the answer reached the client: socket buffers on both sides, and what Jetty
     * drains (and drops) of an unread body before it closes, take in some MB on loopback. Before the fixes the
     * answer came only after the whole {@link #HUGE} body (login) or with another status.
     */
    private static final long BUFFERED = HUGE / 2;

    private record Outcome(int status, long sentBeforeAnswer) {
    }

    /** Sends {@code total} bytes chunked after {@code headers} and returns the status and what was sent by then. */
    private Outcome chunked(String path, String headers, long total) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.baseUri().getPort())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n" + headers
                    + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            AtomicLong sent = new AtomicLong();
            Thread writer = new Thread(() -> {
                byte[] chunk = new byte[64 * 1024];
                Arrays.fill(chunk, (byte) 'a');
                byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                try {
                    // Stops once an answer is there: what was sent by then is what the server let in before it.
                    while (sent.get() < total && socket.getInputStream().available() == 0) {
                        out.write(size);
                        out.write(chunk);
                        out.write(new byte[] {'\r', '\n'});
                        sent.addAndGet(chunk.length);
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException e) {
                    // The server answered and closed: what matters is how far we got.
                }
            }, "chunked-writer");
            writer.setDaemon(true);
            writer.start();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            String status = in.readLine();
            long sentThen = sent.get();
            socket.close();
            writer.join(10_000);
            assertThat(status).as("an HTTP answer").startsWith("HTTP/1.1 ");
            return new Outcome(Integer.parseInt(status.split(" ")[1]), sentThen);
        }
    }

    @Test
    void aHugeChunkedLoginFormIsRefusedWhileItIsRead() throws Exception {
        Outcome o = chunked("/staff/login", "Content-Type: application/x-www-form-urlencoded\r\n", HUGE);
        assertThat(o.status()).isEqualTo(413);
        assertThat(o.sentBeforeAnswer()).as("refused long before the whole body was read").isLessThan(BUFFERED);
    }

    @Test
    void aHugeChunkedUploadWithoutASignatureIsRefusedBeforeItsBodyIsRead() throws Exception {
        Outcome o = chunked(ApiPaths.CASES, "Content-Type: application/json\r\n", HUGE);
        assertThat(o.status()).as("the missing signature is found before the body is read").isEqualTo(401);
        assertThat(o.sentBeforeAnswer()).isLessThan(BUFFERED);

        Outcome unknown = chunked(ApiPaths.CASES, "Content-Type: application/json\r\nX-Terminal-Id: T-NOBODY\r\n"
                + "X-Timestamp: " + clock.millis() + "\r\nX-Nonce: nonce-0123456789abcdef\r\nX-Signature: AAAA\r\n",
                HUGE);
        assertThat(unknown.status()).as("an unregistered terminal is found before the body is read").isEqualTo(401);
        assertThat(unknown.sentBeforeAnswer()).isLessThan(BUFFERED);
    }

    @Test
    void aLargeDeclaredLengthWithoutASignatureIsNeitherAwaitedNorMadeRoomFor() throws Exception {
        long declared = CaseRoutes.caseBodyLimit(config().maxBodyBytes()) - 1;
        try (Socket socket = new Socket("127.0.0.1", server.baseUri().getPort())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(("POST " + ApiPaths.CASES + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + declared + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String status;
            try {
                status = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.US_ASCII)).readLine();
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the platform waits for a body of " + declared
                        + " bytes from a client without a signature", e);
            }
            assertThat(status).startsWith("HTTP/1.1 401");
        }
    }
}
