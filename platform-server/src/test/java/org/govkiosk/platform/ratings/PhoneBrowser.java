package org.govkiosk.platform.ratings;

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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A real headless Chromium driven over the DevTools protocol, as the fleet page's test drives it (its
 * {@code HeadlessChromium}, with what a phone needs besides: a phone's viewport, screenshots, and scripts that
 * answer later, such as axe-core's run). Waits for conditions with a deadline, never for fixed times.
 */
final class PhoneBrowser implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final Process process;
    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonNode>> answers = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    private PhoneBrowser(Process process, WebSocket socket) {
        this.process = process;
        this.socket = socket;
    }

    /** The chromium binary on the PATH (Debian package {@code chromium}), if there is one. */
    static Optional<Path> executable() {
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

    static PhoneBrowser launch(Path binary, Path profile) throws Exception {
        Process p = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-extensions", "--remote-debugging-port=0",
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
            PhoneBrowser[] self = new PhoneBrowser[1];
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
            self[0] = new PhoneBrowser(p, ws);
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

    /** A phone's screen: {@code width} × {@code height} CSS pixels, touch, mobile layout. */
    void phone(int width, int height) throws Exception {
        call("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height, "deviceScaleFactor", 2,
                "mobile", true));
        call("Emulation.setTouchEmulationEnabled", Map.of("enabled", true));
    }

    /** The languages the phone asks for (its Accept-Language header). */
    void languages(String acceptLanguage) throws Exception {
        call("Network.enable", Map.of());
        call("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Accept-Language", acceptLanguage)));
    }

    /** The whole page as a PNG, as tall as its content, at the emulated width. */
    void screenshot(Path file, int width) throws Exception {
        JsonNode metrics = call("Page.getLayoutMetrics", Map.of()).path("result").path("cssContentSize");
        double height = Math.max(1, metrics.path("height").asDouble());
        JsonNode shot = call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        String data = shot.path("result").path("data").asText();
        if (data.isEmpty()) {
            throw new IllegalStateException("no screenshot: " + shot);
        }
        Files.createDirectories(file.getParent());
        Files.write(file, java.util.Base64.getDecoder().decode(data));
    }

    /** The value of an expression whose promise is awaited (e.g. {@code axe.run()}), as text. */
    String evaluateAsync(String expression) throws Exception {
        JsonNode r = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
                "awaitPromise", true));
        if (r.has("error") || r.path("result").has("exceptionDetails")) {
            throw new IllegalStateException("the page's script failed: " + r);
        }
        return r.path("result").path("result").path("value").asText();
    }

    void navigate(String url) throws Exception {
        call("Page.navigate", Map.of("url", url));
    }

    /** The value of a JavaScript expression as text; empty while a navigation has the page in between. */
    Optional<String> evaluate(String expression) throws Exception {
        JsonNode r = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
        if (r.has("error") || r.path("result").has("exceptionDetails")) {
            return Optional.empty();
        }
        JsonNode value = r.path("result").path("result").path("value");
        return value.isMissingNode() ? Optional.empty() : Optional.of(value.asText());
    }

    /** Evaluates until the answer passes, or fails the test with the last answer. */
    String await(String what, String expression, Predicate<String> passes) throws Exception {
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

    @Override
    public void close() {
        socket.abort();
        // Only the processes this browser started (renderer, GPU, zygote), by handle.
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
