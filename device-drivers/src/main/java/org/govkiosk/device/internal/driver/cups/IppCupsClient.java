package org.govkiosk.device.internal.driver.cups;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.govkiosk.device.DeviceException;
import org.govkiosk.device.DeviceStatusDetail;
import org.govkiosk.device.internal.driver.cups.IppMessage.Attribute;

/**
 * Talks IPP to cupsd over HTTP ({@code http://host:port/printers/QUEUE}), as {@code lp} and {@code lpstat} do.
 * Only this class does network I/O for the driver.
 */
public final class IppCupsClient implements CupsClient {

    private static final int OP = IppMessage.GROUP_OPERATION;

    private final String server;
    private final Duration timeout;
    private final String user;
    private final AtomicInteger requestIds = new AtomicInteger();

    /** @param server {@code host:port} of cupsd, e.g. {@code localhost:631} */
    public IppCupsClient(String server, Duration timeout, String user) {
        this.server = server;
        this.timeout = timeout;
        this.user = user;
    }

    @Override
    public CupsPrinterState printer(String queue) throws DeviceException {
        IppMessage r = call(queue, request(IppMessage.GET_PRINTER_ATTRIBUTES, queue, List.of(
                Attribute.string(OP, IppMessage.TAG_KEYWORD, "requested-attributes", "printer-state",
                        "printer-state-reasons", "printer-is-accepting-jobs"))), null);
        int state = r.attribute("printer-state").map(Attribute::intValue).orElse(CupsPrinterState.STOPPED);
        boolean accepting = r.attribute("printer-is-accepting-jobs").map(a -> a.intValue() != 0).orElse(true);
        List<String> reasons = r.attribute("printer-state-reasons").map(Attribute::strings).orElse(List.of());
        return new CupsPrinterState(state, accepting, reasons);
    }

    @Override
    public int submit(String queue, String title, byte[] pdf) throws DeviceException {
        IppMessage r = call(queue, request(IppMessage.PRINT_JOB, queue, List.of(
                Attribute.string(OP, IppMessage.TAG_NAME, "job-name", title),
                Attribute.string(OP, IppMessage.TAG_MIME_TYPE, "document-format", "application/pdf"))), pdf);
        return r.attribute("job-id").map(Attribute::intValue).orElseThrow(() -> new DeviceException(
                DeviceException.Code.PROTOCOL_ERROR, DeviceStatusDetail.PROTOCOL_ERROR,
                "cupsd accepted the job but sent no job-id"));
    }

    @Override
    public CupsJobState job(String queue, int jobId) throws DeviceException {
        IppMessage r = call(queue, request(IppMessage.GET_JOB_ATTRIBUTES, queue, List.of(
                Attribute.integer(OP, IppMessage.TAG_INTEGER, "job-id", jobId),
                Attribute.string(OP, IppMessage.TAG_KEYWORD, "requested-attributes", "job-state",
                        "job-state-reasons"))), null);
        int state = r.attribute("job-state").map(Attribute::intValue).orElseThrow(() -> new DeviceException(
                DeviceException.Code.PROTOCOL_ERROR, DeviceStatusDetail.PROTOCOL_ERROR, "no job-state for job "
                + jobId));
        return new CupsJobState(state, r.attribute("job-state-reasons").map(Attribute::strings).orElse(List.of()));
    }

    @Override
    public void cancel(String queue, int jobId) throws DeviceException {
        call(queue, request(IppMessage.CANCEL_JOB, queue, List.of(
                Attribute.integer(OP, IppMessage.TAG_INTEGER, "job-id", jobId))), null);
    }

    /**
     * Cancel-Job with CUPS's {@code purge-job} (what {@code cancel -x} sends): allowed to the job's owner, also once
     * the job has completed; cupsd then deletes the job's files and its history entry.
     */
    @Override
    public void purge(String queue, int jobId) throws DeviceException {
        call(queue, request(IppMessage.CANCEL_JOB, queue, List.of(
                Attribute.integer(OP, IppMessage.TAG_INTEGER, "job-id", jobId),
                Attribute.bool(OP, "purge-job", true))), null);
    }

    private IppMessage request(int operation, String queue, List<Attribute> extra) {
        List<Attribute> attrs = new ArrayList<>();
        attrs.add(Attribute.string(OP, IppMessage.TAG_CHARSET, "attributes-charset", "utf-8"));
        attrs.add(Attribute.string(OP, IppMessage.TAG_LANGUAGE, "attributes-natural-language", "en"));
        attrs.add(Attribute.string(OP, IppMessage.TAG_URI, "printer-uri", "ipp://" + server + path(queue)));
        attrs.add(Attribute.string(OP, IppMessage.TAG_NAME, "requesting-user-name", user));
        attrs.addAll(extra);
        return new IppMessage(operation, requestIds.incrementAndGet(), attrs);
    }

    private static String path(String queue) {
        return "/printers/" + URLEncoder.encode(queue, StandardCharsets.UTF_8);
    }

    private IppMessage call(String queue, IppMessage request, byte[] document) throws DeviceException {
        byte[] head = request.encode();
        HttpURLConnection c = null;
        try {
            c = (HttpURLConnection) URI.create("http://" + server + path(queue)).toURL().openConnection();
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            c.setConnectTimeout((int) timeout.toMillis());
            // Print-Job answers once the document is spooled, not printed: the same timeout suits every call.
            c.setReadTimeout((int) timeout.toMillis());
            c.setRequestProperty("Content-Type", "application/ipp");
            c.setFixedLengthStreamingMode(head.length + (document == null ? 0 : document.length));
            try (OutputStream out = c.getOutputStream()) {
                out.write(head);
                if (document != null) {
                    out.write(document);
                }
            }
            int http = c.getResponseCode();
            if (http == HttpURLConnection.HTTP_NOT_FOUND) {
                throw notFound(queue);
            }
            if (http != HttpURLConnection.HTTP_OK) {
                throw new DeviceException(DeviceException.Code.PROTOCOL_ERROR, DeviceStatusDetail.COMMUNICATION_ERROR,
                        "cupsd answered HTTP " + http);
            }
            byte[] body;
            try (InputStream in = c.getInputStream()) {
                body = in.readAllBytes();
            }
            IppMessage response = IppMessage.decode(body);
            if (response.code() == IppMessage.STATUS_NOT_FOUND) {
                throw notFound(queue);
            }
            if (!response.isSuccess()) {
                throw new DeviceException(DeviceException.Code.DEVICE_FAULT, DeviceStatusDetail.PRINTER_OFFLINE,
                        String.format("cupsd refused operation 0x%04x on queue %s: status 0x%04x %s",
                                request.code(), queue, response.code(), response.attribute("status-message")
                                        .map(a -> a.strings().get(0)).orElse("")));
            }
            return response;
        } catch (ConnectException e) {
            throw new DeviceException(DeviceException.Code.IO_ERROR, DeviceStatusDetail.COMMUNICATION_ERROR,
                    "cupsd is not reachable at " + server, e);
        } catch (SocketTimeoutException e) {
            throw new DeviceException(DeviceException.Code.TIMEOUT, DeviceStatusDetail.COMMUNICATION_ERROR,
                    "cupsd at " + server + " did not answer within " + timeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw new DeviceException(DeviceException.Code.IO_ERROR, DeviceStatusDetail.COMMUNICATION_ERROR,
                    "talking to cupsd at " + server + " failed", e);
        } catch (IllegalArgumentException e) {
            throw new DeviceException(DeviceException.Code.PROTOCOL_ERROR, DeviceStatusDetail.PROTOCOL_ERROR,
                    "cupsd at " + server + " sent a bad IPP answer", e);
        } finally {
            if (c != null) {
                c.disconnect();
            }
        }
    }

    private DeviceException notFound(String queue) {
        // Transient: a technician may be about to add the queue; the supervisor keeps retrying.
        return new DeviceException(DeviceException.Code.PORT_NOT_FOUND, DeviceStatusDetail.PORT_NOT_FOUND,
                "cupsd at " + server + " has no queue '" + queue + "'");
    }
}
