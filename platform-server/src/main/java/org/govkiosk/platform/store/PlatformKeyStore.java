package org.govkiosk.platform.store;

import java.security.KeyPair;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;
import org.govkiosk.api.CryptoSuite;
import org.govkiosk.api.TerminalKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's receipt key, in the database: the instances of a province behind one load balancer must all sign
 * with the one key their terminals pinned, so it lives where their other shared state does. Made on the first
 * start against an empty database; never replaced (terminals would refuse every receipt after it), so a new key is
 * a new database row a hall admin puts there together with re-enrolling its terminals. Whoever can read this table
 * can forge receipts; it needs the protection of the database's other contents (case records and terminal keys).
 *
 * <p>The SM suite's SM2 key is a row of its own ({@code receipt-sm2}): a platform switched between suites never
 * reads a key of the other algorithm as its own, and switching back finds the old key again.
 */
public final class PlatformKeyStore {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformKeyStore.class);
    static final String RECEIPT = "receipt";
    static final String RECEIPT_SM2 = "receipt-sm2";

    private PlatformKeyStore() {
    }

    /** The Ed25519 receipt key pair, made and stored first if this database has none yet. */
    public static KeyPair receiptKeys(Database db, Instant now) {
        return receiptKeys(db, now, CryptoSuite.ED25519_AES);
    }

    /** The receipt key pair of {@code suite}, made and stored first if this database has none yet. */
    public static KeyPair receiptKeys(Database db, Instant now, CryptoSuite suite) {
        String name = suite == CryptoSuite.SM ? RECEIPT_SM2 : RECEIPT;
        for (int attempt = 1; ; attempt++) {
            Optional<KeyPair> known = read(db, name);
            if (known.isPresent()) {
                return known.get();
            }
            KeyPair fresh = TerminalKeys.generate(suite);
            try {
                db.inTransaction(c -> {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO platform_keys (name, private_key,"
                            + " public_key, created_at) VALUES (?, ?, ?, ?)")) {
                        ps.setString(1, name);
                        ps.setString(2, TerminalKeys.encodePrivate(fresh.getPrivate()));
                        ps.setString(3, TerminalKeys.encodePublic(fresh.getPublic()));
                        ps.setLong(4, now.toEpochMilli());
                        ps.executeUpdate();
                    }
                    return null;
                });
                LOG.info("Made the platform's {} receipt key {} (terminals pin it at registration)",
                        suite.signatures().wireName(), TerminalKeys.keyId(fresh.getPublic()));
                return fresh;
            } catch (StorageException e) {
                if (attempt >= 5 || !(Sql.isUniqueViolation(e) || Sql.isRetryableRace(e))) {
                    throw e;
                }
                Sql.pause(attempt); // another instance made it at the same moment: take theirs
            }
        }
    }

    private static Optional<KeyPair> read(Database db, String name) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT private_key, public_key FROM platform_keys WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<KeyPair>empty();
                    }
                    return Optional.of(new KeyPair(TerminalKeys.decodePublic(rs.getString(2)),
                            TerminalKeys.decodePrivate(rs.getString(1))));
                }
            }
        });
    }
}
