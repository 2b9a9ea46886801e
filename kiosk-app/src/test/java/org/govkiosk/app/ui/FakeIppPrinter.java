package org.govkiosk.app.ui;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.govkiosk.device.internal.driver.cups.IppMessage;
import org.govkiosk.device.internal.driver.cups.IppMessage.Attribute;

/**
 * An A4 printer as cupsd shows it over IPP, on loopback: idle and accepting, every job completed at once, the
 * documents kept for the test to read. Lets a UI journey print on "paper" without the system's cupsd, which other
 * tests share.
 */
public final class FakeIppPrinter implements AutoCloseable {

    private static final int OPERATION = 0x01;
    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private final HttpServer server;
    private final List<byte[]> documents = new CopyOnWriteArrayList<>();

    public FakeIppPrinter() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/printers/", this::handle);
        server.start();
    }

    public String hostPort() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** The PDFs printed so far, oldest first. */
    public List<byte[]> documents() {
        return List.copyOf(documents);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int pdfAt = indexOf(body, PDF_MAGIC);
            IppMessage request = IppMessage.decode(pdfAt < 0 ? body : Arrays.copyOf(body, pdfAt));
            List<Attribute> answer = new ArrayList<>();
            answer.add(Attribute.string(OPERATION, IppMessage.TAG_CHARSET, "attributes-charset", "utf-8"));
            answer.add(Attribute.string(OPERATION, IppMessage.TAG_LANGUAGE, "attributes-natural-language", "en"));
            switch (request.code()) {
                case IppMessage.GET_PRINTER_ATTRIBUTES -> {
                    answer.add(Attribute.integer(OPERATION, IppMessage.TAG_ENUM, "printer-state", 3));
                    answer.add(Attribute.string(OPERATION, IppMessage.TAG_KEYWORD, "printer-state-reasons", "none"));
                    answer.add(Attribute.integer(OPERATION, IppMessage.TAG_BOOLEAN, "printer-is-accepting-jobs", 1));
                }
                case IppMessage.PRINT_JOB -> {
                    documents.add(Arrays.copyOfRange(body, Math.max(pdfAt, 0), body.length));
                    answer.add(Attribute.integer(OPERATION, IppMessage.TAG_INTEGER, "job-id", documents.size()));
                }
                case IppMessage.GET_JOB_ATTRIBUTES -> {
                    answer.add(Attribute.integer(OPERATION, IppMessage.TAG_ENUM, "job-state", 9));
                    answer.add(Attribute.string(OPERATION, IppMessage.TAG_KEYWORD, "job-state-reasons",
                            "job-completed-successfully"));
                }
                default -> { }
            }
            byte[] out = new IppMessage(IppMessage.STATUS_OK, request.requestId(), answer).encode();
            exchange.getResponseHeaders().add("Content-Type", "application/ipp");
            exchange.sendResponseHeaders(200, out.length);
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(out);
            }
        }
    }

    private static int indexOf(byte[] data, byte[] what) {
        outer:
        for (int i = 0; i <= data.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (data[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
