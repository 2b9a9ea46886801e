package org.govkiosk.app.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks an audit file's chain from the first entry to the last: each entry's {@code prev} must be the hash of
 * the entry before, its {@code seq} one more, and its own hash right (the HMAC under the terminal's audit key, so
 * nobody without the key store can re-chain an edit, an insertion or a deletion). Against the head the platform
 * last received with a heartbeat, it also finds a cut tail or a log replaced by a new one: the file must still hold
 * that very entry. Reports the first line that breaks it. Run by technicians as
 * {@code java -cp govkiosk-terminal.jar org.govkiosk.app.audit.AuditVerifier FILE --keys DATA_DIR/keys
 * [--password-file FILE] [--head SEQ:MAC]} (the head from the platform's terminal status; exit 0 intact, 1 broken,
 * 2 unreadable).
 */
public final class AuditVerifier {

    /** @param firstBadLine 1-based; 0 when intact */
    public record Result(boolean intact, long entries, int firstBadLine, String reason) {
    }

    private AuditVerifier() {
    }

    /**
     * @param key          the terminal's audit key ({@code TerminalKeyStore.auditKey()}); null checks a plain
     *                     SHA-256 chain, which anyone can forge
     * @param platformHead the last head the platform received from this terminal: the file must hold that entry
     */
    public static Result verify(Path file, byte[] key, AuditLog.Head platformHead) throws IOException {
        return verify(file, key, AuditMac.HMAC_SHA256, platformHead);
    }

    /** As {@link #verify(Path, byte[], AuditLog.Head)} for a chain made with {@code mac} (the terminal's suite's). */
    public static Result verify(Path file, byte[] key, AuditMac mac, AuditLog.Head platformHead) throws IOException {
        Result chain = verify(file, key, mac);
        if (!chain.intact() || platformHead == null) {
            return chain;
        }
        if (chain.entries() < platformHead.seq()) {
            return new Result(false, chain.entries(), (int) Math.min(Integer.MAX_VALUE, chain.entries() + 1),
                    "the log ends at entry " + chain.entries() + " but the platform received head "
                            + platformHead.seq() + " (entries cut or the log replaced)");
        }
        if (platformHead.seq() > 0) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            int line = (int) platformHead.seq();
            AuditEntry e = AuditLog.JSON.readValue(lines.get(line - 1), AuditEntry.class);
            if (!platformHead.hash().equals(e.hash())) {
                return new Result(false, line - 1, line, "entry " + platformHead.seq() + " is not the one the"
                        + " platform received (the log was rewritten)");
            }
        }
        return chain;
    }

    public static Result verify(Path file, byte[] key) throws IOException {
        return verify(file, key, AuditMac.HMAC_SHA256);
    }

    /**
     * Checks a chain made with {@code mac}. An entry naming another MAC is refused as such, never checked under a
     * guess: the verifier says which MAC the line claims and which this terminal's chain uses.
     */
    public static Result verify(Path file, byte[] key, AuditMac mac) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        AuditChain chain = new AuditChain(key, mac);
        String prev = AuditChain.GENESIS;
        long seq = 0;
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            AuditEntry e;
            try {
                e = AuditLog.JSON.readValue(lines.get(i), AuditEntry.class);
            } catch (JsonProcessingException ex) {
                return new Result(false, seq, lineNo, "not an audit entry: " + ex.getOriginalMessage());
            }
            if (e.seq() != seq + 1) {
                return new Result(false, seq, lineNo, "sequence " + e.seq() + " follows " + seq
                        + " (an entry was removed or moved)");
            }
            if (!prev.equals(e.prev())) {
                return new Result(false, seq, lineNo, "does not chain to the entry before");
            }
            if (!java.util.Objects.equals(e.mac(), chain.entryMac())) {
                return new Result(false, seq, lineNo, "chained with " + AuditMac.describe(e.mac()) + ", but this"
                        + " terminal's audit chain is " + chain.describe());
            }
            if (e.hash() == null || !chain.hash(e).equals(e.hash())) {
                return new Result(false, seq, lineNo, "its content does not match its hash (edited)");
            }
            prev = e.hash();
            seq = e.seq();
        }
        return new Result(true, seq, 0, "");
    }

    public static void main(String[] args) {
        Path file = null;
        Path keys = null;
        Path passwordFile = null;
        AuditLog.Head head = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--keys" -> keys = Path.of(args[++i]);
                case "--password-file" -> passwordFile = Path.of(args[++i]);
                case "--head" -> head = AuditLog.Head.parse(args[++i]);
                default -> file = Path.of(args[i]);
            }
        }
        if (file == null || keys == null) {
            System.err.println("usage: AuditVerifier AUDIT_FILE --keys DATA_DIR/keys [--password-file FILE]"
                    + " [--head SEQ:MAC]");
            System.exit(2);
        }
        try {
            // Default: the demo's generated secret next to the data directory; a hall terminal's is its credential.
            Path pw = passwordFile != null ? passwordFile
                    : org.govkiosk.app.security.KeyStoreSecret.generatedFile(keys.toAbsolutePath().getParent());
            org.govkiosk.app.security.TerminalKeyStore store = org.govkiosk.app.security.TerminalKeyStore.openExisting(
                    keys, Files.readString(pw, StandardCharsets.UTF_8).trim().toCharArray());
            byte[] key = store.auditKey();
            AuditMac mac = AuditMac.of(store.suite());
            if (head == null) {
                System.out.println("no --head given: a cut tail is not detectable without the platform's head");
            }
            Result r = verify(file, key, mac, head);
            System.out.println(r.intact() ? "intact: " + r.entries() + " entries"
                    : "BROKEN at line " + r.firstBadLine() + ": " + r.reason() + " (" + r.entries()
                            + " entries before it are intact)");
            System.exit(r.intact() ? 0 : 1);
        } catch (IOException e) {
            System.err.println("cannot read " + file + ": " + e.getMessage());
            System.exit(2);
        }
    }
}
