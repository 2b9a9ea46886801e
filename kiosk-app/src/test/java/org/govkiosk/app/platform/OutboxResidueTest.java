package org.govkiosk.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.govkiosk.api.Applicant;
import org.govkiosk.api.IdType;
import org.govkiosk.api.Material;
import org.govkiosk.app.context.TerminalPlatform;
import org.govkiosk.app.audit.Audit;
import org.govkiosk.app.cases.Case;
import org.govkiosk.app.cases.FormData;
import org.govkiosk.app.cases.TestCases;
import org.govkiosk.app.config.ConfigLoader;
import org.govkiosk.app.config.TerminalConfig;
import org.govkiosk.testkit.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, attack 6: once the platform has confirmed every case, nothing of the citizens' data may be left in the
 * outbox's files: not the ID numbers, names or phone numbers in clear, and not the encrypted payloads either (they
 * are readable by anyone who gets the key store). Deleted SQLite cells and freed pages keep their bytes unless
 * {@code secure_delete} is on, so the test reads the raw bytes of outbox.db and of its -wal and -journal files.
 */
class OutboxResidueTest {

    private static final int CASES = 20;
    /** A ciphertext is found by any of its 16-byte pieces: random bytes, so a hit is never chance. */
    private static final int PIECE = 16;

    @TempDir
    Path dir;

    @Test
    void nothingOfConfirmedCasesIsLeftInTheOutboxFiles() throws Exception {
        Path data = dir.resolve("data");
        List<Applicant> applicants = applicants();
        Map<String, byte[]> ciphertexts;
        try (RealPlatform platform = RealPlatform.http(Files.createDirectories(dir.resolve("platform")))) {
            CompletableFuture<URI> address = new CompletableFuture<>();
            Audit audit = (event, details) -> { };
            try (TerminalPlatform link = TerminalPlatform.start(config(), data, Clock.systemUTC(), audit, address,
                    CompletableFuture.completedFuture(Optional.of(platform.enrolmentToken())))) {
                for (Applicant a : applicants) {
                    link.queue().submit(Case.draft(TestCases.ITEM, a, new FormData(Map.of("phone", a.phone())),
                            List.of(new Material("M1", "居民身份证", Material.Status.PROVIDED, Material.Source.SCAN,
                                    null)), Clock.systemUTC()));
                }
                // What sits on disk while the cases wait: the sealed payloads, captured before the platform has them.
                ciphertexts = storedPayloads(data.resolve("outbox/outbox.db"));
                assertThat(ciphertexts).hasSize(CASES).allSatisfy((key, bytes) -> assertThat(bytes).isNotEmpty());
                address.complete(platform.baseUri());
                Await.until("the platform confirmed every case", Duration.ofSeconds(60),
                        () -> link.outboxStatus().waiting() == 0 && link.outboxStatus().confirmed() == CASES,
                        link::outboxStatus);
                assertThat(link.outboxStatus().dead()).isZero();
                // A terminal losing power now keeps its files as they are: nothing may be left while it runs either.
                assertThat(residue(data, applicants, ciphertexts)).as("personal data left in the outbox files of a"
                        + " running terminal after every case was confirmed").isEmpty();
            }
        }

        Map<String, List<String>> afterClose = residue(data, applicants, ciphertexts);
        assertThat(afterClose).as("personal data left in the outbox files after every case was confirmed and the"
                + " outbox closed").isEmpty();
    }

    /** What of the applicants and the sealed payloads the raw bytes of outbox.db, -wal and -journal still hold. */
    private static Map<String, List<String>> residue(Path data, List<Applicant> applicants,
            Map<String, byte[]> ciphertexts) throws Exception {
        List<Path> files = new ArrayList<>();
        for (String suffix : List.of("", "-wal", "-journal")) {
            Path f = data.resolve("outbox/outbox.db" + suffix);
            if (Files.exists(f)) {
                files.add(f);
            }
        }
        assertThat(files).as("outbox files").isNotEmpty();
        Map<String, List<String>> found = new LinkedHashMap<>();
        for (Path f : files) {
            byte[] raw = Files.readAllBytes(f);
            List<String> hits = new ArrayList<>();
            for (Applicant a : applicants) {
                if (contains(raw, a.idNumber().getBytes(StandardCharsets.UTF_8))) {
                    hits.add("ID number " + a.idNumber());
                }
                if (contains(raw, a.name().getBytes(StandardCharsets.UTF_8))) {
                    hits.add("name " + a.name());
                }
                if (contains(raw, a.phone().getBytes(StandardCharsets.UTF_8))) {
                    hits.add("phone " + a.phone());
                }
            }
            ciphertexts.forEach((key, sealed) -> {
                for (int at = 0; at + PIECE <= sealed.length; at += PIECE) {
                    if (contains(raw, java.util.Arrays.copyOfRange(sealed, at, at + PIECE))) {
                        hits.add("ciphertext of " + key);
                        return;
                    }
                }
            });
            if (!hits.isEmpty()) {
                found.put(f.getFileName() + " (" + raw.length + " bytes)", hits);
            }
        }
        found.forEach((file, hits) -> System.out.println("Residue in " + file + ": "
                + hits.stream().filter(h -> h.startsWith("ID")).count() + " of " + CASES + " ID numbers, "
                + hits.stream().filter(h -> h.startsWith("name")).count() + " names, "
                + hits.stream().filter(h -> h.startsWith("phone")).count() + " phones, "
                + hits.stream().filter(h -> h.startsWith("cipher")).count() + " ciphertexts"));
        return found;
    }

    /** 20 applicants with valid, distinct ID numbers (GB 11643 check digit), names and phones. */
    private static List<Applicant> applicants() {
        String[] given = {"静怡", "子涵", "浩然", "雨桐", "宇轩", "欣怡", "梓萱", "俊杰", "诗涵", "博文",
            "思远", "若曦", "明哲", "晓彤", "嘉懿", "天佑", "梦琪", "家豪", "语嫣", "昊天"};
        List<Applicant> out = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            String base = "3301061987" + String.format("%02d%02d", 1 + i % 12, 10 + i) + String.format("%03d", 200 + i);
            out.add(new Applicant(IdType.RESIDENT_ID, base + checkDigit(base), "欧阳" + given[i],
                    "1391234" + String.format("%04d", 5600 + i), "浙江省杭州市西湖区文三路" + (100 + i) + "号"));
        }
        return out;
    }

    private static char checkDigit(String seventeen) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (seventeen.charAt(i) - '0') * weights[i];
        }
        return "10X98765432".charAt(sum % 11);
    }

    private static Map<String, byte[]> storedPayloads(Path db) throws Exception {
        Map<String, byte[]> out = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT idempotency_key, payload FROM outbox_entry")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getBytes(2));
            }
        }
        return out;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private TerminalConfig config() throws Exception {
        Path cfg = Files.createDirectories(dir.resolve("config"));
        Files.writeString(cfg.resolve("terminal.yaml"), Files.readString(Path.of("../config/terminal.yaml"))
                .replace("# hall-code: 330100-ZWFW", "hall-code: " + RealPlatform.HALL));
        Files.writeString(cfg.resolve("devices.yaml"), "devices: []\n");
        return ConfigLoader.load(cfg);
    }
}
