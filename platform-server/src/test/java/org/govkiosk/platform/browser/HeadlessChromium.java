package org.govkiosk.platform.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A real headless Chromium driven over the DevTools protocol (the JDK's WebSocket client, no extra library): it
 * loads pages, types into forms and reads what the page became, so a test sees what a technician's browser shows,
 * scripts and all. Waits for conditions with a deadline, never for fixed times.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final Process process;
    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonNode>> answers = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    private HeadlessChromium(Process process, WebSocket socket) {
        this.process = process;
        this.socket = socket;
    }

    /** The chromium binary on the PATH (Debian package {@code chromium}), if there is one. */
    public static Optional<Path> executable() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    public static HeadlessChromium launch(Path binary, Path profile) throws Exception {
        // Without the background-networking flags Chromium keeps trying hosts this closed network refuses.
        Process p = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-extensions", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--remote-debugging-port=0",
                "--user-data-dir=" + profile.toAbsolutePath(), "about:blank")
                .redirectErrorStream(true).redirectOutput(profile.resolveSibling("chromium.log").toFile()).start();
        try {
            // Chromium writes the port it chose into the profile once DevTools listens.
            Path portFile = profile.resolve("DevToolsActivePort");
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!Files.exists(portFile) || Files.readAllLines(portFile).isEmpty()) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("chromium did not open DevTools; see "
                            + profile.resolveSibling("chromium.log"));
                }
                Thread.sleep(50);
            }
            int port = Integer.parseInt(Files.readAllLines(portFile).get(0).strip());
            HttpClient http = HttpClient.newHttpClient();
            JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            String pageSocket = null;
            for (JsonNode t : targets) {
                if ("page".equals(t.path("type").asText())) {
                    pageSocket = t.path("webSocketDebuggerUrl").asText();
                }
            }
            if (pageSocket == null) {
                throw new IllegalStateException("chromium shows no page target: " + targets);
            }
            HeadlessChromium[] self = new HeadlessChromium[1];
            WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create(pageSocket), new WebSocket.Listener() {
                private final StringBuilder text = new StringBuilder();

                @Override
                public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                    text.append(data);
                    if (last) {
                        self[0].answer(text.toString());
                        text.setLength(0);
                    }
                    webSocket.request(1);
                    return null;
                }
            }).get(30, TimeUnit.SECONDS);
            self[0] = new HeadlessChromium(p, ws);
            return self[0];
        } catch (Exception e) {
            p.destroyForcibly();
            throw e;
        }
    }

    private void answer(String message) {
        try {
            JsonNode m = JSON.readTree(message);
            if (m.has("id")) {
                CompletableFuture<JsonNode> f = answers.remove(m.get("id").asInt());
                if (f != null) {
                    f.complete(m);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("DevTools sent no JSON: " + message, e);
        }
    }

    private JsonNode call(String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        answers.put(id, answer);
        ObjectNode m = JSON.createObjectNode().put("id", id).put("method", method);
        m.set("params", JSON.valueToTree(params));
        socket.sendText(JSON.writeValueAsString(m), true).get(30, TimeUnit.SECONDS);
        return answer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    public void navigate(String url) throws Exception {
        call("Page.navigate", Map.of("url", url));
    }

    /** The value of a JavaScript expression as text; empty while a navigation has the page in between. */
    public Optional<String> evaluate(String expression) throws Exception {
        JsonNode r = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
        if (r.has("error") || r.path("result").has("exceptionDetails")) {
            return Optional.empty();
        }
        JsonNode value = r.path("result").path("result").path("value");
        return value.isMissingNode() ? Optional.empty() : Optional.of(value.asText());
    }

    /** The value of an expression that gives a promise, once it settled, as text (JSON.stringify it for objects). */
    public String evaluateAwaited(String expression) throws Exception {
        JsonNode r = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
                "awaitPromise", true));
        if (r.has("error") || r.path("result").has("exceptionDetails")) {
            throw new AssertionError("script failed: " + r);
        }
        return r.path("result").path("result").path("value").asText();
    }

    /**
     * Lays the page out as on a screen of {@code width} × {@code height} CSS pixels; {@code mobile} as a phone does
     * (the viewport meta tag applies, and a page without one is laid out 980 px wide).
     */
    public void viewport(int width, int height, boolean mobile) throws Exception {
        // A phone is a touch screen as well: pages may ask for pointer: coarse.
        call("Emulation.setTouchEmulationEnabled", Map.of("enabled", mobile));
        call("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height, "deviceScaleFactor", 1,
                "mobile", mobile));
    }

    /** The languages the browser asks for (its Accept-Language header), as a phone set to them would. */
    public void languages(String acceptLanguage) throws Exception {
        call("Network.enable", Map.of());
        call("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Accept-Language", acceptLanguage)));
    }

    /** Headers sent with every request from now on (a clerk's Authorization, the Accept-Language). */
    public void headers(Map<String, String> headers) throws Exception {
        call("Network.enable", Map.of());
        call("Network.setExtraHTTPHeaders", Map.of("headers", headers));
    }

    /** The page printed as the browser's print dialog would, with the page size its CSS asks for ({@code @page}). */
    public void printToPdf(Path pdf) throws Exception {
        JsonNode printed = call("Page.printToPDF", Map.of("preferCSSPageSize", true, "printBackground", true));
        Files.createDirectories(pdf.getParent());
        Files.write(pdf, java.util.Base64.getDecoder().decode(printed.path("result").path("data").asText()));
    }

    /** A PNG of the whole page (beyond the viewport), as a person scrolling it would see it. */
    public void screenshot(Path png) throws Exception {
        JsonNode metrics = call("Page.getLayoutMetrics", Map.of()).path("result").path("cssContentSize");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", metrics.path("width").asDouble(),
                "height", metrics.path("height").asDouble(), "scale", 1);
        JsonNode shot = call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
                "clip", clip));
        Files.createDirectories(png.getParent());
        Files.write(png, java.util.Base64.getDecoder().decode(shot.path("result").path("data").asText()));
    }

    /** Evaluates until the answer passes, or fails the test with the last answer. */
    public String await(String what, String expression, Predicate<String> passes) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Optional<String> last = Optional.empty();
        while (System.nanoTime() < deadline) {
            last = evaluate(expression);
            if (last.isPresent() && passes.test(last.get())) {
                return last.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting for " + what + "; last answer: " + last.orElse("(none)"));
    }

    /** The browser's process and, at this moment, every process it started (zygotes, renderers, GPU, services). */
    List<ProcessHandle> family() {
        List<ProcessHandle> family = new ArrayList<>();
        family.add(process.toHandle());
        process.descendants().forEach(family::add);
        return family;
    }

    /**
     * Ends the browser and every process it started, by handle, and returns only once all of them are gone: a
     * renderer or the storage service that outlived the browser by a moment still wrote into the profile while
     * JUnit deleted it ("Failed to close extension context" in CI).
     */
    @Override
    public void close() {
        socket.abort();
        List<ProcessHandle> family = family();
        family.forEach(ProcessHandle::destroy);
        for (ProcessHandle member : family) {
            try {
                member.onExit().get(10, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                member.destroyForcibly();
                member.onExit().completeOnTimeout(member, 10, TimeUnit.SECONDS).join();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
