package org.govkiosk.app.maintenance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.govkiosk.device.DeviceEvent;
import org.govkiosk.device.DeviceEventBus;
import org.govkiosk.device.DeviceStatus;
import org.govkiosk.device.DeviceStatusChanged;
import org.govkiosk.device.DeviceStatusDetail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts what each device did, from the device events: cards read, codes scanned, pages and receipts printed,
 * paper changes and errors, with the last fault. Kept in a small JSON file in the data dir, replaced atomically by
 * {@link #flush()} (called on a timer and at close), so a crash loses at most the last few seconds of counts and
 * never the file.
 */
public final class DeviceCounters implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceCounters.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Map<String, DeviceCounts> counts = new TreeMap<>();
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> subscriptions;
    private boolean dirty;

    private DeviceCounters(Path file, Map<String, DeviceCounts> loaded, DeviceEventBus bus) {
        this.file = file;
        this.counts.putAll(loaded);
        this.subscriptions = List.of(bus.onEvent(this::onEvent), bus.onStatus(this::onStatus));
    }

    /** Loads the counters (a damaged file is moved aside and counting starts again) and subscribes to the bus. */
    public static DeviceCounters open(Path file, DeviceEventBus bus) {
        return new DeviceCounters(file, load(file), bus);
    }

    public synchronized DeviceCounts counts(String deviceId) {
        return counts.getOrDefault(deviceId, DeviceCounts.ZERO);
    }

    public synchronized Map<String, DeviceCounts> all() {
        return Map.copyOf(counts);
    }

    /** Told the id of a device whose counts changed, on the publishing (device) thread. */
    public void addListener(Consumer<String> listener) {
        listeners.add(listener);
    }

    void onEvent(DeviceEvent event) {
        if (event instanceof DeviceEvent.IdCardRead || event instanceof DeviceEvent.SmartCardRead) {
            change(event.deviceId(), DeviceCounts::cardRead);
        } else if (event instanceof DeviceEvent.QrScanned) {
            change(event.deviceId(), DeviceCounts::codeScanned);
        } else if (event instanceof DeviceEvent.PrintCompleted) {
            change(event.deviceId(), DeviceCounts::pagePrinted);
        } else if (event instanceof DeviceEvent.PrintFailed failed) {
            change(event.deviceId(), c -> c.error(failed.reason(), failed.at()));
        } else if (event instanceof DeviceEvent.IdCardRejected rejected) {
            change(event.deviceId(), c -> c.error(DeviceStatusDetail.CARD_READ_ERROR, rejected.at()));
        }
    }

    void onStatus(DeviceStatusChanged change) {
        DeviceStatusDetail was = change.oldStatus().detail();
        DeviceStatus now = change.newStatus().status();
        DeviceStatusDetail detail = change.newStatus().detail();
        if ((was == DeviceStatusDetail.PAPER_OUT || was == DeviceStatusDetail.PAPER_NEAR_END)
                && now == DeviceStatus.ONLINE) {
            change(change.deviceId(), DeviceCounts::paperChanged);
        } else if (now == DeviceStatus.OFFLINE && change.oldStatus().status() != DeviceStatus.OFFLINE) {
            change(change.deviceId(), c -> c.error(detail, change.at()));
        } else if (now == DeviceStatus.DEGRADED && detail != DeviceStatusDetail.NONE && detail != was) {
            change(change.deviceId(), c -> c.noted(detail, change.at()));
        }
    }

    private void change(String deviceId, UnaryOperator<DeviceCounts> how) {
        synchronized (this) {
            counts.put(deviceId, how.apply(counts.getOrDefault(deviceId, DeviceCounts.ZERO)));
            dirty = true;
        }
        listeners.forEach(l -> l.accept(deviceId));
    }

    /** Writes the counts if they changed: to a temporary file, synced, then moved over the old one. */
    public synchronized void flush() {
        if (!dirty) {
            return;
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1);
        ObjectNode devices = root.putObject("devices");
        counts.forEach((id, c) -> {
            ObjectNode d = devices.putObject(id);
            d.put("cardsRead", c.cardsRead()).put("codesScanned", c.codesScanned()).put("printed", c.printed())
                    .put("paperChanges", c.paperChanges()).put("errors", c.errors());
            c.lastError().ifPresent(e -> d.putObject("lastError").put("detail", e.detail().name())
                    .put("at", e.at().toString()));
        });
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(java.nio.ByteBuffer.wrap(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root)));
                ch.force(true);
            }
            org.govkiosk.app.security.DurableFiles.replace(tmp, file);
            dirty = false;
        } catch (IOException e) {
            // Kept dirty: the next flush tries again; counting goes on in memory.
            LOG.error("Device counters not saved to {}: {}", file, e.toString());
        }
    }

    private static Map<String, DeviceCounts> load(Path file) {
        Map<String, DeviceCounts> loaded = new TreeMap<>();
        if (!Files.exists(file)) {
            return loaded;
        }
        try {
            JsonNode devices = JSON.readTree(file.toFile()).required("devices");
            for (Iterator<Map.Entry<String, JsonNode>> it = devices.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode d = e.getValue();
                Optional<DeviceCounts.LastError> last = d.has("lastError")
                        ? Optional.of(new DeviceCounts.LastError(
                                DeviceStatusDetail.valueOf(d.get("lastError").required("detail").asText()),
                                Instant.parse(d.get("lastError").required("at").asText())))
                        : Optional.empty();
                loaded.put(e.getKey(), new DeviceCounts(d.path("cardsRead").asLong(), d.path("codesScanned").asLong(),
                        d.path("printed").asLong(), d.path("paperChanges").asLong(), d.path("errors").asLong(), last));
            }
            return loaded;
        } catch (IOException | RuntimeException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".damaged-" + System.currentTimeMillis());
            LOG.error("Device counters in {} cannot be read ({}); moved to {}, counting starts again", file,
                    e.toString(), aside);
            try {
                Files.move(file, aside);
            } catch (IOException moveFailed) {
                LOG.error("Damaged device counters {} could not be moved aside: {}", file, moveFailed.toString());
            }
            return new TreeMap<>();
        }
    }

    @Override
    public void close() {
        for (AutoCloseable s : subscriptions) {
            try {
                s.close();
            } catch (Exception e) {
                LOG.warn("Unsubscribing the device counters failed: {}", e.toString());
            }
        }
        flush();
    }
}
