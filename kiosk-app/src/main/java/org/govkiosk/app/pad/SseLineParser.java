package org.govkiosk.app.pad;

import java.util.Optional;

/**
 * Server-Sent Events, line by line (the subset the platform sends: {@code id:}, {@code event:}, {@code data:},
 * comments). Pure and single-threaded: the stream reader feeds it lines and gets whole events back.
 */
final class SseLineParser {

    /** One event; {@code id} null if the event had none. */
    record SseEvent(String id, String name, String data) {
    }

    private String id;
    private String name;
    private final StringBuilder data = new StringBuilder();
    private boolean hasData;

    /** Feeds one line (without its line end); returns an event when a blank line completes one. */
    Optional<SseEvent> line(String line) {
        if (line.isEmpty()) {
            Optional<SseEvent> done = hasData
                    ? Optional.of(new SseEvent(id, name == null ? "message" : name, data.toString()))
                    : Optional.empty();
            id = null;
            name = null;
            data.setLength(0);
            hasData = false;
            return done;
        }
        if (line.startsWith(":")) {
            return Optional.empty();
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "id" -> id = value;
            case "event" -> name = value;
            case "data" -> {
                if (hasData) {
                    data.append('\n');
                }
                data.append(value);
                hasData = true;
            }
            default -> {
                // "retry" and unknown fields: ignored, as the standard says.
            }
        }
        return Optional.empty();
    }
}
