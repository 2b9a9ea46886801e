package org.govkiosk.app.audit;

import org.govkiosk.personal.Masking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only, hash-chained audit file (one JSON object per line). Each entry carries the hash of the one
 * before it and its own, computed over both, so deleting, reordering or editing any entry breaks the chain at that
 * point ({@link AuditVerifier}). With a key from the terminal's key store the hashes are HMACs, so someone who can
 * write the file still cannot forge a consistent chain. Each entry is forced to disk before {@link #record}
 * returns; a line cut short by a power loss is cut off at the next start and the repair itself is recorded.
 */
public final class AuditLog implements Audit, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final FileChannel channel;
    private final AuditChain chain;
    private final Clock clock;
    private long seq;
    private String last;

    private AuditLog(FileChannel channel, AuditChain chain, Clock clock, long seq, String last) {
        this.channel = channel;
        this.chain = chain;
        this.clock = clock;
        this.seq = seq;
        this.last = last;
    }

    /**
     * Opens (or creates) the audit file and continues its chain.
     *
     * @param key HMAC key for the chain, or null for plain SHA-256 (tamper-evident against edits, not against a
     *            rewrite of the whole file)
     */
    public static AuditLog open(Path file, byte[] key, Clock clock) {
        return open(file, key, AuditMac.HMAC_SHA256, clock);
    }

    /**
     * Opens (or creates) the audit file and continues its chain with {@code mac} (the terminal's crypto suite's:
     * {@link AuditMac#of} of the key store's suite). A file chained with another MAC is set aside as one of another
     * key is.
     */
    public static AuditLog open(Path file, byte[] key, AuditMac mac, Clock clock) {
        try {
            org.govkiosk.app.security.OwnerOnly.file(file);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            AuditChain chain = new AuditChain(key, mac);
            Tail tail = readTail(channel);
            Map<String, String> setAside = null;
            if (key != null && tail.last != null && !chain.hash(tail.last).equals(tail.last.hash())) {
                // A file of a version that chained without a key (or under another key): a keyed chain cannot
                // continue it, so it is kept beside, untouched, and a new chain starts that names its head.
                channel.close();
                Path aside = file.resolveSibling(file.getFileName() + ".unkeyed-" + clock.millis());
                Files.move(file, aside);
                // Named durably before the new chain names it: a power cut must not leave the old file unnamed.
                org.govkiosk.app.security.DurableFiles.syncDirectory(file.getParent());
                LOG.warn("Audit file {} was not chained with this terminal's key; kept as {}, a keyed chain starts",
                        file, aside);
                setAside = Map.of("file", aside.getFileName().toString(), "seq", String.valueOf(tail.seq),
                        "hash", tail.hash);
                org.govkiosk.app.security.OwnerOnly.file(file);
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
                tail = readTail(channel);
            }
            AuditLog log = new AuditLog(channel, chain, clock, tail.seq, tail.hash);
            if (setAside != null) {
                log.record("audit-chain-keyed", setAside);
            }
            if (tail.cutBytes > 0) {
                LOG.warn("Audit file {} ended in a partial entry ({} bytes, e.g. a power loss); cut off", file,
                        tail.cutBytes);
                log.record("audit-tail-repaired", Map.of("bytes-cut", String.valueOf(tail.cutBytes)));
            }
            return log;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the audit file " + file, e);
        }
    }

    private record Tail(long seq, String hash, long cutBytes, AuditEntry last) {
    }

    /** The last complete entry's sequence number and hash; a partial last line is truncated away. */
    private static Tail readTail(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size == 0) {
            return new Tail(0, AuditChain.GENESIS, 0, null);
        }
        ByteBuffer all = ByteBuffer.allocate((int) Math.min(size, Integer.MAX_VALUE));
        channel.read(all, 0);
        byte[] bytes = all.array();
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        long cut = bytes.length - end;
        if (cut > 0) {
            channel.truncate(end);
            channel.force(true);
        }
        if (end == 0) {
            return new Tail(0, AuditChain.GENESIS, cut, null);
        }
        int start = end - 1;
        while (start > 0 && bytes[start - 1] != '\n') {
            start--;
        }
        AuditEntry lastEntry = JSON.readValue(new String(bytes, start, end - 1 - start, StandardCharsets.UTF_8),
                AuditEntry.class);
        return new Tail(lastEntry.seq(), lastEntry.hash(), cut, lastEntry);
    }

    @Override
    public synchronized void record(String event, Map<String, String> details) {
        Map<String, String> safe = new TreeMap<>();
        details.forEach((k, v) -> safe.put(k, Masking.text(v)));
        AuditEntry unsigned = new AuditEntry(seq + 1, clock.instant().toString(), event, safe, last,
                chain.entryMac(), null);
        AuditEntry entry = unsigned.withHash(chain.hash(unsigned));
        try {
            byte[] line = (JSON.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
            ByteBuffer buffer = ByteBuffer.wrap(line);
            long at = channel.size();
            while (buffer.hasRemaining()) {
                at += channel.write(buffer, at);
            }
            channel.force(false);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit entries are plain strings", e);
        } catch (IOException e) {
            // An audit that cannot be written must not pass silently, nor stop a citizen's session.
            LOG.error("AUDIT NOT WRITTEN: {} {}", event, safe, e);
            return;
        }
        seq = entry.seq();
        last = entry.hash();
    }

    /**
     * The chain's head: the last entry's sequence number and MAC, what leaves the terminal with each heartbeat.
     * Empty while the file has no entry.
     */
    public synchronized java.util.Optional<Head> head() {
        return seq == 0 ? java.util.Optional.empty() : java.util.Optional.of(new Head(seq, last));
    }

    /** An audit chain's head: an entry's sequence number and its hash (the HMAC with a key). */
    public record Head(long seq, String hash) {
        /** Parses {@code SEQ:HASH}, as the platform's terminal status shows it. */
        public static Head parse(String text) {
            int colon = text.indexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException("a head is SEQ:HASH, got " + text);
            }
            return new Head(Long.parseLong(text.substring(0, colon).strip()), text.substring(colon + 1).strip());
        }
    }

    /** Entries written so far (including those of earlier runs). */
    public synchronized long size() {
        return seq;
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("Closing the audit file failed", e);
        }
    }
}
