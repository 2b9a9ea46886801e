package org.govkiosk.platform.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.HexFormat;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.server.HttpChannel;
import org.eclipse.jetty.server.Request;
import org.govkiosk.api.ApiJson;
import org.govkiosk.api.ErrorCodes;

/**
 * Reads request bodies within a size limit and turns JSON into the API's records, answering every kind of bad
 * input with a 4xx that names the field and never echoes the value (it may be personal data).
 */
public final class Bodies {

    private final ObjectMapper strict = ApiJson.strict();
    private final Duration readTimeout;
    // Sorted map keys: the same case gives the same bytes, whatever order the client sent its fields in.
    private final ObjectMapper canonical = ApiJson.strict().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /** @param readTimeout a whole body must have arrived within this much of the start of its reading */
    public Bodies(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    /** With the default body read timeout. */
    public Bodies() {
        this(org.govkiosk.platform.config.Exposure.DEFAULT_BODY_READ_TIMEOUT);
    }

    /**
     * Reads the whole body, refusing (413) anything over {@code limit} bytes without reading it all: a declared
     * Content-Length over the limit before reading, a chunked body as soon as it passes the limit. A body that has
     * not arrived whole within the read timeout, or that comes slower than Jetty's minimum data rate, is refused
     * with 408 (retryable: a terminal's network may have been slow).
     */
    public byte[] read(Context ctx, long limit) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > limit) {
            throw tooLarge(limit);
        }
        long deadline = System.nanoTime() + readTimeout.toNanos();
        HttpChannel channel = Request.getBaseRequest(ctx.req()).getHttpChannel();
        long idleTimeout = channel.getIdleTimeout();
        try (InputStream in = ctx.req().getInputStream()) {
            // Room grows with the bytes that arrive, never with what a header declares: a client that declares 10 MB
            // and sends nothing holds no 10 MB buffer while the read waits.
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Math.max(declared, 1024), 64 * 1024));
            byte[] buffer = new byte[8192];
            long total = 0;
            for (int n; (n = readBefore(deadline, channel, idleTimeout, in, buffer)) != -1; ) {
                total += n;
                if (total > limit) {
                    throw tooLarge(limit);
                }
                out.write(buffer, 0, n);
                if (total == declared) {
                    // All the declared bytes are in: no read that would only wait for the end. Jetty checks its
                    // minimum data rate on such a read, from the body's first byte: a 60-byte body read to its end
                    // more than ~58 ms after its first byte (a loaded machine) was refused 408.
                    break;
                }
            }
            return out.toByteArray();
        } catch (BadMessageException e) {
            // Jetty's minimum data rate (408), or a malformed chunk (400).
            throw e.getCode() == 408 ? tooSlow() : ApiException.client(400, ErrorCodes.MALFORMED_JSON,
                    "request body could not be read: " + e.getReason());
        } catch (IOException e) {
            if (System.nanoTime() - deadline >= 0 || e.getCause() instanceof TimeoutException
                    || e.getCause() instanceof BadMessageException b && b.getCode() == 408) {
                throw tooSlow();
            }
            throw ApiException.client(400, ErrorCodes.MALFORMED_JSON, "request body could not be read");
        } finally {
            channel.setIdleTimeout(idleTimeout);
        }
    }

    /**
     * One read that gives up at the deadline: the connection's idle timeout is cut to what is left of it, since a
     * blocked read wakes only on data or on that timeout.
     */
    private static int readBefore(long deadline, HttpChannel channel, long idleTimeout, InputStream in, byte[] buffer)
            throws IOException {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
            throw new IOException(new TimeoutException("body read deadline"));
        }
        channel.setIdleTimeout(idleTimeout > 0 ? Math.min(idleTimeout, left) : left);
        return in.read(buffer);
    }

    private ApiException tooSlow() {
        return new ApiException(408, ErrorCodes.BODY_TOO_SLOW, "request body did not arrive within "
                + readTimeout.toSeconds() + " s or came too slowly", true);
    }

    private static ApiException tooLarge(long limit) {
        return ApiException.client(413, ErrorCodes.BODY_TOO_LARGE, "request body is over " + limit + " bytes");
    }

    /** Refuses a declared content type other than JSON (a missing one is taken as JSON). */
    public void requireJson(Context ctx) {
        String type = ctx.contentType();
        if (type != null && !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw ApiException.client(415, ErrorCodes.UNSUPPORTED_MEDIA_TYPE,
                    "expected application/json, got " + type.split(";")[0]);
        }
    }

    public <T> T json(byte[] body, Class<T> type) {
        if (body.length == 0) {
            throw ApiException.client(400, ErrorCodes.MALFORMED_JSON, "request body is empty; expected JSON");
        }
        try {
            T value = strict.readValue(body, type);
            if (value == null) {
                throw ApiException.client(400, ErrorCodes.MALFORMED_JSON, "expected a JSON object, got null");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.client(400, ErrorCodes.UNKNOWN_FIELD, "unknown field '" + path(e) + "'");
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw ApiException.client(400, ErrorCodes.INVALID_FIELD, cause.getMessage());
        } catch (ApiJson.RefusedValueException e) {
            throw ApiException.client(400, ErrorCodes.INVALID_FIELD, "field '" + path(e) + "' " + e.reason());
        } catch (InvalidFormatException e) {
            throw ApiException.client(400, ErrorCodes.INVALID_FIELD, "field '" + path(e) + "' is not a valid "
                    + e.getTargetType().getSimpleName());
        } catch (MismatchedInputException e) {
            String where = path(e);
            throw ApiException.client(400, where.isEmpty() ? ErrorCodes.MALFORMED_JSON : ErrorCodes.INVALID_FIELD,
                    where.isEmpty() ? "expected a JSON object" : "field '" + where + "' has the wrong type or is null");
        } catch (StreamReadException e) {
            String duplicate = duplicateField(e);
            if (duplicate != null) {
                throw ApiException.client(400, ErrorCodes.MALFORMED_JSON, "duplicate field " + duplicate + " at line "
                        + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
            }
            throw ApiException.client(400, ErrorCodes.MALFORMED_JSON, "malformed JSON at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        } catch (JsonMappingException e) {
            throw ApiException.client(400, ErrorCodes.INVALID_FIELD, "field '" + path(e) + "' is not valid");
        } catch (IOException e) {
            throw ApiException.client(400, ErrorCodes.MALFORMED_JSON, "request body is not JSON");
        }
    }

    /** The body's canonical JSON (sorted keys): what is stored and what idempotency compares. */
    public String canonicalJson(Object value) {
        try {
            return canonical.writeValueAsString(value);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public ObjectMapper mapper() {
        return strict;
    }

    private static final java.util.regex.Pattern DUPLICATE =
            java.util.regex.Pattern.compile("Duplicate field '([A-Za-z0-9_]{1,64})'");

    /** The name of a field given twice ('level'), if that is what the parser refused; a strange name is not echoed. */
    private static String duplicateField(StreamReadException e) {
        String message = e.getOriginalMessage();
        if (message == null || !message.startsWith("Duplicate field")) {
            return null;
        }
        java.util.regex.Matcher m = DUPLICATE.matcher(message);
        return m.lookingAt() ? "'" + m.group(1) + "'" : "(a name given twice)";
    }

        private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
