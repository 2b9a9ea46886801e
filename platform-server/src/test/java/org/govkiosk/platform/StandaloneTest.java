package org.govkiosk.platform;

import org.govkiosk.platform.config.PlatformConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.govkiosk.api.ApiPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hall-gateway way of running: config file, flags, environment secrets, TLS, a process of its own. */
class StandaloneTest {

    @TempDir
    Path dir;

    @Test
    void configFileFlagsAndEnvironmentCombine() throws Exception {
        Path token = Files.writeString(dir.resolve("clerk-token"), "clerk-from-file-9Tg4Wq7Nz2Lk5Rb8\n");
        Path yaml = Files.writeString(dir.resolve("platform.yaml"), """
                port: 9100
                bind: 127.0.0.1
                db-url: jdbc:postgresql://db.hall.local:5432/govkiosk
                db-user: govkiosk
                clerk-token-file: %s
                promised-working-days: 7
                """.formatted(token));
        PlatformConfig c = PlatformConfigLoader.fromArgs(new String[] {"--config=" + yaml, "--port=9200"},
                Map.of("GOVKIOSK_DB_PASSWORD", "pw", "GOVKIOSK_ENROLMENT_TOKEN", "enrol-6Jd3Vx8Qm1Ps4Hy7"));
        assertThat(c.port()).isEqualTo(9200);
        assertThat(c.bindHost()).isEqualTo("127.0.0.1");
        assertThat(c.dbUrl()).startsWith("jdbc:postgresql:");
        assertThat(c.dbPassword()).contains("pw");
        assertThat(c.clerkToken()).contains("clerk-from-file-9Tg4Wq7Nz2Lk5Rb8");
        assertThat(c.enrolmentToken()).contains("enrol-6Jd3Vx8Qm1Ps4Hy7");
        assertThat(c.deadlines().fallbackPromisedWorkingDays()).isEqualTo(7);
        // Neither a catalog nor a calendar beside this file.
        assertThat(c.deadlines().catalog()).isEmpty();
        assertThat(c.deadlines().calendar()).isEmpty();
        assertThat(c.toString()).doesNotContain("pw").doesNotContain("clerk-from-file-9Tg4Wq7Nz2Lk5Rb8");
    }

    @Test
    void theCatalogAndTheCalendarBesideTheConfigFileAreFoundAndReadAtStart() throws Exception {
        Path shipped = Path.of("../config");
        PlatformConfig c = PlatformConfigLoader.fromArgs(new String[] {"--config=" + shipped.resolve("platform.yaml")},
                Map.of());
        assertThat(c.deadlines().catalog()).hasValueSatisfying(p -> assertThat(p).endsWith(Path.of("catalog.yaml")));
        assertThat(c.deadlines().calendar()).hasValueSatisfying(p -> assertThat(p).endsWith(Path.of("calendar")));

        Path catalog = Files.writeString(dir.resolve("items.yaml"), """
                items:
                  - code: "A-1"
                    time-limit: {legal-days: 10, promised-days: five}
                """);
        Path yaml = Files.writeString(dir.resolve("platform.yaml"), "catalog: " + catalog.getFileName() + "\n");
        assertThatThrownBy(() -> PlatformConfigLoader.fromArgs(new String[] {"--config=" + yaml}, Map.of()))
                .hasMessageContaining("items.yaml: items[0].time-limit.promised-days: expected a whole number 0..365,"
                        + " got 'five'");
        Path calendar = Files.createDirectory(dir.resolve("calendar"));
        Files.writeString(calendar.resolve("2025.yaml"), "year: 2025\nsource: x\nholidays: [2025-01-01]\n");
        assertThatThrownBy(() -> PlatformConfigLoader.fromArgs(new String[] {"--config=" + yaml,
                "--catalog=" + shipped.resolve("catalog.yaml")}, Map.of()))
                .hasMessageContaining("calendar/2025.yaml: holidays[0]: expected a section of keys");
        assertThatThrownBy(() -> PlatformConfigLoader.fromArgs(new String[] {"--calendar=" + dir.resolve("none")},
                Map.of())).hasMessageContaining("calendar: ").hasMessageContaining("does not exist");
    }

    @Test
    void badConfigurationNamesTheFileAndTheKey() throws Exception {
        Path yaml = Files.writeString(dir.resolve("bad.yaml"), "port: 8080\ncolour: red\nmax-failed-login: 3\n");
        assertThatThrownBy(() -> PlatformConfigLoader.fromArgs(new String[] {"--config=" + yaml}, Map.of()))
                .hasMessageContaining("bad.yaml: colour: unknown key; allowed here: ")
                .hasMessageContaining("bad.yaml: max-failed-login: unknown key (did you mean 'max-failed-logins'?)");
        Path port = Files.writeString(dir.resolve("port.yaml"), "port: eighty\n");
        assertThatThrownBy(() -> PlatformConfigLoader.fromArgs(new String[] {"--config=" + port}, Map.of()))
                .hasMessage("port.yaml: port: expected a whole number 0..65535, got 'eighty'");
        assertThatThrownBy(() -> PlatformConfigLoader.fromArgs(new String[] {"--db-url=jdbc:mysql://x"}, Map.of()))
                .hasMessageContaining("jdbc:h2: or jdbc:postgresql:");
        assertThatThrownBy(() -> PlatformConfigLoader.fromArgs(new String[] {"--prot=1"}, Map.of()))
                .hasMessage("unknown flag --prot (did you mean --port?)");
    }

    @Test
    void servesHttpsFromAPkcs12Keystore() throws Exception {
        Path keystore = dir.resolve("platform.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "platform", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=127.0.0.1", "-ext", "SAN=IP:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "changeit").redirectErrorStream(true).start();
        keytool.getInputStream().readAllBytes();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).isZero();

        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            trust.load(in, "changeit".toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);

        try (PlatformServer server = PlatformServer.start(PlatformConfig.embedded().withTls(keystore, "changeit"))) {
            assertThat(server.baseUri().getScheme()).isEqualTo("https");
            HttpResponse<String> r = HttpClient.newBuilder().sslContext(ssl).build().send(
                    HttpRequest.newBuilder(URI.create(server.baseUri() + ApiPaths.HEALTH)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("\"status\":\"UP\"");
            // Plain HTTP on the TLS port is not served.
            URI plain = URI.create("http://127.0.0.1:" + server.port() + ApiPaths.HEALTH);
            assertThatThrownBy(() -> {
                HttpResponse<String> p = HttpClient.newHttpClient().send(HttpRequest.newBuilder(plain).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(p.statusCode()).isEqualTo(200);
            }).isNotNull();
        }
    }

    @Test
    void runsAsAProcessOfItsOwnWithAConfigFile() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path yaml = Files.writeString(dir.resolve("platform.yaml"), "bind: 127.0.0.1\nport: " + port
                + "\ndb-url: jdbc:h2:file:" + dir.resolve("db").toAbsolutePath() + "\ncertificate-key-dir: "
                + dir.resolve("keys").toAbsolutePath() + "\n");
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PlatformMain.class.getName(), "--config=" + yaml))
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.log").toFile()).start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + ApiPaths.HEALTH))
                    .build();
            Integer status = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (status == null && System.nanoTime() < deadline && p.isAlive()) {
                try {
                    status = http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode();
                } catch (java.io.IOException notYet) {
                    Thread.sleep(200);
                }
            }
            assertThat(status).as(Files.readString(dir.resolve("out.log"))).isEqualTo(200);
            assertThat(Files.list(dir).map(f -> f.getFileName().toString())).anyMatch(n -> n.startsWith("db"));
            // The issuing body's certificate signing key is made at start, where the configuration says.
            assertThat(dir.resolve("keys").resolve("platform-ed25519.key")).exists();
            // The standalone logging configuration: INFO, no library debug chatter. The line comes once start()
            // returns, which may be after the first request was answered.
            org.govkiosk.testkit.Await.until("the start logged", Duration.ofSeconds(20),
                    () -> Files.readString(dir.resolve("out.log")).contains("Platform server listening"),
                    () -> {
                        try {
                            return Files.readString(dir.resolve("out.log"));
                        } catch (java.io.IOException e) {
                            return e.toString();
                        }
                    });
            assertThat(Files.readString(dir.resolve("out.log"))).doesNotContain("DEBUG");
        } finally {
            p.destroy();
            p.waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void badFlagsExitWithAMessage() throws Exception {
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PlatformServer.class.getName(), "--port=none"))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(78);
        assertThat(out).contains("port: 'none' is not a number").contains("usage:");
    }
}
