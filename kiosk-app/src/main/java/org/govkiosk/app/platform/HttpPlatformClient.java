package org.govkiosk.app.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLException;
import org.govkiosk.api.ApiError;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.CaseList;
import org.govkiosk.api.CaseReceipt;
import org.govkiosk.api.CaseSearch;
import org.govkiosk.api.CaseSubmission;
import org.govkiosk.api.CaseView;
import org.govkiosk.api.HolderIdentity;
import org.govkiosk.api.CertificateIssuance;
import org.govkiosk.api.Heartbeat;
import org.govkiosk.api.HeartbeatReceipt;
import org.govkiosk.api.IssuanceReceipt;
import org.govkiosk.api.LicenceVerification;
import org.govkiosk.api.LicenceVerificationRequest;
import org.govkiosk.api.RatingReceipt;
import org.govkiosk.api.RatingSubmission;
import org.govkiosk.api.RegistrationReceipt;
import org.govkiosk.api.SupplementReceipt;
import org.govkiosk.api.SupplementSubmission;
import org.govkiosk.api.RequestSigner;
import org.govkiosk.api.SignedHeaders;
import org.govkiosk.api.TerminalRegistration;

/**
 * {@link PlatformClient} over HTTP(S) with the JDK's client: every request signed with the terminal's key (Ed25519,
 * or SM2 in the SM suite), certificate pinning when configured, a deadline on the whole call and a cap on the answer's size; the platform's
 * receipts (cases, supplements, ratings, issuances) count only when they verify against its pinned key.
 */
public final class HttpPlatformClient implements PlatformClient, AutoCloseable {

    /**
     * Threads of the client's own executor. The JDK's default is a cached pool, whose workers come and go with the
     * load, so a terminal's thread count swings for no fault of its own; a fixed pool stays put once warm. Those
     * threads only complete responses and run the async stages (the calling thread waits in {@code get}), so one
     * per parallel sender of the outbox worker, plus one for the citizen's own queries and one spare, is enough.
     */
    static final int HTTP_THREADS = org.govkiosk.app.outbox.OutboxWorker.DEFAULT_PARALLELISM + 2;
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private static final String JSON = "application/json; charset=utf-8";
    private static final int MAX_MESSAGE_CHARS = 200;

    private final PlatformClientConfig config;
    private final RequestSigner signer;
    private final HttpClient http;
    private final ExecutorService executor;
    private final ObjectMapper json = PlatformJson.mapper();
    private final String base;
    private final ReceiptCheck receipts;

    /**
     * A client that pins the platform's receipt key when it registers, for this process only (tests, tools); a
     * terminal keeps its pin in its key store ({@link #HttpPlatformClient(PlatformClientConfig, RequestSigner,
     * PlatformKeyPin, ReceiptAlarm)}).
     */
    public HttpPlatformClient(PlatformClientConfig config, RequestSigner signer) {
        this(config, signer, PlatformKeyPin.inMemory(), ReceiptAlarm.logOnly());
    }

    /**
     * @param pin   the platform's receipt key: receipts of cases, supplements, ratings and issuances must verify
     *              against it, else the call fails with {@link PlatformFailure#UNVERIFIED_RECEIPT}
     * @param alarm told of every answer that fails so, and of a registration offering another key
     */
    public HttpPlatformClient(PlatformClientConfig config, RequestSigner signer, PlatformKeyPin pin,
            ReceiptAlarm alarm) {
        this.config = Objects.requireNonNull(config, "config");
        this.signer = Objects.requireNonNull(signer, "signer");
        int client = CLIENTS.incrementAndGet();
        AtomicInteger thread = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(HTTP_THREADS, r -> {
            Thread t = new Thread(r, "platform-http-" + client + "-" + thread.incrementAndGet());
            t.setDaemon(true); // never what keeps the terminal's JVM alive
            return t;
        });
        HttpClient.Builder builder = HttpClient.newBuilder()
                .executor(executor)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (!config.pins().isEmpty()) {
            builder.sslContext(PinnedTrustManager.sslContext(config.pins()));
        }
        this.http = builder.build();
        String url = config.baseUrl().toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.receipts = new ReceiptCheck(pin, alarm, base);
    }

    @Override
    public RegistrationReceipt register(TerminalRegistration registration) throws PlatformException {
        // Unsigned: the platform does not know the key yet; the enrolment token in the body vouches for it.
        RegistrationReceipt receipt = parse(call("POST", ApiPaths.TERMINALS, write(registration),
                config.maxResponseBytes(), false).body(), RegistrationReceipt.class);
        receipts.pinFrom(receipt);
        return receipt;
    }

    @Override
    public HeartbeatReceipt heartbeat(Heartbeat heartbeat) throws PlatformException {
        return parse(call("POST", ApiPaths.HEARTBEATS, write(heartbeat), config.maxResponseBytes()).body(),
                HeartbeatReceipt.class);
    }

    @Override
    public CaseReceipt submitCase(CaseSubmission submission) throws PlatformException {
        return parse(deliver(ApiPaths.CASES, write(submission)), CaseReceipt.class);
    }

    @Override
    public SupplementReceipt submitSupplement(SupplementSubmission supplement) throws PlatformException {
        return parse(deliver(ApiPaths.caseSupplements(supplement.caseNumber()), write(supplement)),
                SupplementReceipt.class);
    }

    @Override
    public IssuanceReceipt reportIssuance(CertificateIssuance issuance) throws PlatformException {
        return parse(deliver(ApiPaths.caseIssuances(issuance.caseNumber()), write(issuance)),
                IssuanceReceipt.class);
    }

    @Override
    public RatingReceipt submitRating(RatingSubmission rating) throws PlatformException {
        return parse(deliver(ApiPaths.RATINGS, write(rating)), RatingReceipt.class);
    }

    @Override
    public byte[] deliver(String path, byte[] storedBody) throws PlatformException {
        return receipt(call("POST", path, storedBody, config.maxResponseBytes()));
    }

    @Override
    public CaseView queryCase(String caseNumber) throws PlatformException {
        return parse(call("GET", ApiPaths.caseByNumber(caseNumber), null, config.maxResponseBytes()).body(),
                CaseView.class);
    }

    @Override
    public CaseList searchCases(CaseSearch search) throws PlatformException {
        return parse(call("POST", ApiPaths.CASE_SEARCH, write(search), config.maxResponseBytes()).body(),
                CaseList.class);
    }

    @Override
    public byte[] fetchCertificate(String caseNumber, HolderIdentity holder) throws PlatformException {
        return pdf(caseNumber, call("POST", ApiPaths.caseCertificate(caseNumber), write(holder),
                config.maxDocumentBytes()).body());
    }

    private static byte[] pdf(String caseNumber, byte[] pdf) throws PlatformException {
        if (pdf.length < 5 || !new String(pdf, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            throw new PlatformException(PlatformFailure.BAD_RESPONSE, "the certificate of " + caseNumber
                    + " is not a PDF (" + pdf.length + " bytes)", null);
        }
        return pdf;
    }

    @Override
    public LicenceVerification verifyLicence(LicenceVerificationRequest request) throws PlatformException {
        return parse(call("POST", ApiPaths.LICENCE_VERIFICATIONS, write(request), config.maxResponseBytes())
                .body(), LicenceVerification.class);
    }

    /** Stops the executor's threads; calls afterwards fail. The HTTP client's selector ends once unreferenced. */
    @Override
    public void close() {
        executor.shutdownNow();
    }

    private byte[] write(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + body.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private <T> T parse(byte[] body, Class<T> type) throws PlatformException {
        try {
            T value = json.readValue(body, type);
            if (value == null) {
                throw new PlatformException(PlatformFailure.BAD_RESPONSE, "the platform answered null for a "
                        + type.getSimpleName(), null);
            }
            return value;
        } catch (IOException | IllegalArgumentException e) {
            // Only the length: a garbage answer could be anything, also someone's data.
            throw new PlatformException(PlatformFailure.BAD_RESPONSE, "the platform's answer (" + body.length
                    + " bytes) is not a valid " + type.getSimpleName() + ": " + firstLine(e.getMessage()), e);
        }
    }

    /** A 2xx answer and the request it answers (what its receipt must be bound to). */
    private record Answer(String method, URI uri, byte[] requestBody, SignedHeaders signed,
            HttpResponse<byte[]> response) {
        byte[] body() {
            return response.body();
        }
    }

    /**
     * The body of a 2xx answer whose receipt verifies against the pinned platform key for exactly this request;
     * else a retryable {@link PlatformFailure#UNVERIFIED_RECEIPT}, so the outbox keeps the entry and resends it.
     */
    private byte[] receipt(Answer answer) throws PlatformException {
        receipts.verify(answer.method, answer.uri, answer.requestBody, answer.signed, answer.response);
        return answer.body();
    }

    /** Sends one signed request; returns its 2xx answer. */
    private Answer call(String method, String path, byte[] body, int limit) throws PlatformException {
        return call(method, path, body, limit, true);
    }

    private Answer call(String method, String path, byte[] body, int limit, boolean sign) throws PlatformException {
        URI uri = URI.create(base + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(config.callTimeout())
                .header("Accept", "application/json, application/pdf")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            request.header("Content-Type", JSON);
        }
        SignedHeaders signed = null;
        if (sign) {
            // Signed last, just before sending: each attempt gets a fresh timestamp and nonce.
            signed = signer.sign(method, uri, body);
            signed.asMap().forEach(request::header);
        }
        HttpResponse<byte[]> response = exchange(request.build(), limit, method + " " + path);
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new Answer(method, uri, body, signed, response);
        }
        throw errorFrom(status, response, method + " " + path);
    }

    private HttpResponse<byte[]> exchange(HttpRequest request, int limit, String what) throws PlatformException {
        CompletableFuture<HttpResponse<byte[]>> future = http.sendAsync(request, new LimitedBodyHandler(limit));
        try {
            // The request timeout covers only the wait for the headers; this deadline covers a trickling body too.
            return future.get(config.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new PlatformException(PlatformFailure.TIMEOUT, what + ": no complete answer within "
                    + config.callTimeout().toMillis() + " ms", e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new PlatformException(PlatformFailure.NETWORK, what + ": interrupted", e);
        } catch (ExecutionException e) {
            throw transportFailure(e.getCause(), what);
        }
    }

    static PlatformException transportFailure(Throwable cause, String what) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof LimitedBodyHandler.TooLargeException) {
                return new PlatformException(PlatformFailure.RESPONSE_TOO_LARGE, what + ": " + t.getMessage(), cause);
            }
            if (t instanceof HttpConnectTimeoutException) {
                return new PlatformException(PlatformFailure.TIMEOUT, what + ": connect timed out", cause);
            }
            if (t instanceof HttpTimeoutException) {
                return new PlatformException(PlatformFailure.TIMEOUT, what + ": " + t.getMessage(), cause);
            }
            if (t instanceof SSLException) {
                return new PlatformException(PlatformFailure.TLS, what + ": TLS handshake failed: "
                        + firstLine(rootMessage(t)), cause);
            }
            if (t instanceof ConnectException) {
                return new PlatformException(PlatformFailure.CONNECT_FAILED, what + ": cannot connect: "
                        + firstLine(rootMessage(t)), cause);
            }
        }
        return new PlatformException(PlatformFailure.NETWORK, what + ": " + firstLine(rootMessage(cause)), cause);
    }

    private PlatformException errorFrom(int status, HttpResponse<byte[]> response, String what) {
        ApiError error = null;
        try {
            error = json.readValue(response.body(), ApiError.class);
        } catch (IOException | IllegalArgumentException e) {
            // a proxy's HTML page or garbage: classified by status alone
        }
        Duration retryAfter = response.headers().firstValue("Retry-After").flatMap(HttpPlatformClient::seconds)
                .orElse(null);
        String detail = error != null ? error.code() + " " + shorten(error.message())
                : "unreadable error body (" + response.body().length + " bytes)";
        PlatformFailure failure;
        boolean retryable;
        if (status == 429) {
            failure = PlatformFailure.RATE_LIMITED;
            retryable = true;
        } else if (status >= 500) {
            failure = retryAfter != null ? PlatformFailure.RATE_LIMITED : PlatformFailure.SERVER_ERROR;
            retryable = true;
        } else if (status == 408) {
            failure = PlatformFailure.TIMEOUT;
            retryable = true;
        } else if (status == 409) {
            failure = PlatformFailure.CONFLICT;
            retryable = false;
        } else if (status >= 400) {
            // The platform knows best whether this request can succeed later (e.g. a stale timestamp).
            retryable = error != null && error.retryable();
            failure = retryable ? PlatformFailure.REFUSED_FOR_NOW
                    : status == 401 || status == 403 ? PlatformFailure.UNAUTHORIZED : PlatformFailure.INVALID_REQUEST;
        } else {
            failure = PlatformFailure.BAD_RESPONSE;
            retryable = true;
        }
        return new PlatformException(failure, retryable, status, error == null ? null : error.code(), retryAfter,
                what + " answered " + status + ": " + detail, null);
    }

    private static java.util.Optional<Duration> seconds(String value) {
        try {
            long s = Long.parseLong(value.strip());
            return s >= 0 ? java.util.Optional.of(Duration.ofSeconds(s)) : java.util.Optional.empty();
        } catch (NumberFormatException e) {
            return java.util.Optional.empty(); // an HTTP date: ignored, the backoff decides
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int nl = text.indexOf('\n');
        return shorten(nl < 0 ? text : text.substring(0, nl));
    }

    private static String shorten(String text) {
        return text.length() <= MAX_MESSAGE_CHARS ? text : text.substring(0, MAX_MESSAGE_CHARS) + "…";
    }
}
