package org.govkiosk.app.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks an audit file's chain from the first entry to the last: each entry's {@code prev} must be the hash of
 * the entry before, its {@code seq} one more, and its own hash right. Reports the first line that breaks it.
 * Run by technicians as {@code java -cp govkiosk-terminal.jar org.govkiosk.app.audit.AuditVerifier FILE}
 * (exit 0 intact, 1 broken, 2 unreadable).
 */
public final class AuditVerifier {

    /** @param firstBadLine 1-based; 0 when intact */
    public record Result(boolean intact, long entries, int firstBadLine, String reason) {
    }

    private AuditVerifier() {
    }

    public static Result verify(Path file, byte[] key) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        AuditChain chain = new AuditChain(key);
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
            if (e.hash() == null || !chain.hash(e).equals(e.hash())) {
                return new Result(false, seq, lineNo, "its content does not match its hash (edited)");
            }
            prev = e.hash();
            seq = e.seq();
        }
        return new Result(true, seq, 0, "");
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: AuditVerifier AUDIT_FILE");
            System.exit(2);
        }
        try {
            Result r = verify(Path.of(args[0]), null);
            System.out.println(r.intact() ? "intact: " + r.entries() + " entries"
                    : "BROKEN at line " + r.firstBadLine() + ": " + r.reason() + " (" + r.entries()
                            + " entries before it are intact)");
            System.exit(r.intact() ? 0 : 1);
        } catch (IOException e) {
            System.err.println("cannot read " + args[0] + ": " + e.getMessage());
            System.exit(2);
        }
    }
}
