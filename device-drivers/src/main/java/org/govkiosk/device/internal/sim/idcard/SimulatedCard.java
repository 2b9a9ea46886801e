package org.govkiosk.device.internal.sim.idcard;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Random;
import java.util.TreeSet;
import org.govkiosk.device.internal.codec.idcard.CardReadPayload;
import org.govkiosk.device.idcard.TextLayout;

/**
 * A card the simulated reader can hold: its text block exactly as the chip stores it (valid or not), a stand-in
 * photo, optionally a fingerprint and a newer address.
 *
 * @param newestAddress a newer address (追加住址), or {@code null}
 */
public record SimulatedCard(String key, byte[] text, byte[] photo, byte[] fingerprint, String newestAddress) {

    public SimulatedCard {
        Objects.requireNonNull(key, "key");
        if (text.length != TextLayout.BLOCK_LENGTH) {
            throw new IllegalArgumentException("card " + key + ": text must be " + TextLayout.BLOCK_LENGTH + " bytes");
        }
        text = text.clone();
        photo = photo.clone();
        fingerprint = fingerprint == null ? new byte[0] : fingerprint.clone();
    }

    /** A card of {@code layout} with the given field values (see {@link TextLayout#fields()}). */
    public static SimulatedCard of(String key, TextLayout layout, Map<String, String> fields) {
        return new SimulatedCard(key, layout.write(fields), noise(key, CardReadPayload.PHOTO_LENGTH), null, null);
    }

    /**
     * Reads the cards of a properties resource (UTF-8). Keys are {@code CARD.FIELD}: {@code CARD.layout} is
     * {@code resident} (default), {@code hmt}, {@code foreign-2017} or {@code foreign-2023}, the other fields are
     * the layout's; besides them {@code CARD.new-address} (a newer address) and {@code CARD.fingerprint=true}.
     */
    public static Map<String, SimulatedCard> load(String resource) {
        Properties p = new Properties();
        try (InputStream in = SimulatedCard.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no card resource " + resource);
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        TreeSet<String> keys = new TreeSet<>();
        for (String name : p.stringPropertyNames()) {
            int dot = name.indexOf('.');
            if (dot <= 0) {
                throw new IllegalArgumentException(resource + ": key '" + name + "' is not CARD.FIELD");
            }
            keys.add(name.substring(0, dot));
        }
        Map<String, SimulatedCard> cards = new LinkedHashMap<>();
        for (String key : keys) {
            cards.put(key, fromProperties(resource, key, p));
        }
        return cards;
    }

    private static SimulatedCard fromProperties(String resource, String key, Properties p) {
        Map<String, String> fields = new LinkedHashMap<>();
        String prefix = key + ".";
        for (String name : new TreeSet<>(p.stringPropertyNames())) {
            if (name.startsWith(prefix)) {
                fields.put(name.substring(prefix.length()), p.getProperty(name));
            }
        }
        String layoutName = fields.getOrDefault("layout", "resident");
        TextLayout layout = TextLayout.fromConfigName(layoutName).orElseThrow(() -> new IllegalArgumentException(
                resource + ": " + key + ".layout '" + layoutName + "' is unknown"));
        fields.remove("layout");
        String newestAddress = fields.remove("new-address");
        boolean fingerprint = Boolean.parseBoolean(fields.remove("fingerprint"));
        try {
            return new SimulatedCard(key, layout.write(fields), noise(key, CardReadPayload.PHOTO_LENGTH),
                    fingerprint ? noise(key + "#fp", CardReadPayload.FINGERPRINT_LENGTH) : null, newestAddress);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(resource + ": card " + key + ": " + e.getMessage(), e);
        }
    }

    /** Deterministic stand-in bytes: the WLT codec is a vendor secret, and any byte value must cross the wire. */
    private static byte[] noise(String seed, int length) {
        byte[] b = new byte[length];
        new Random(seed.hashCode()).nextBytes(b);
        return b;
    }

    @Override
    public byte[] text() {
        return text.clone();
    }

    @Override
    public byte[] photo() {
        return photo.clone();
    }

    @Override
    public byte[] fingerprint() {
        return fingerprint.clone();
    }

    @Override
    public String toString() {
        return "SimulatedCard[" + key + "]";
    }
}
