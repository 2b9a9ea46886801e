package org.govkiosk.app.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.CaseReceipt;
import org.govkiosk.api.CaseSubmission;
import org.govkiosk.api.CertificateIssuance;
import org.govkiosk.api.IssuanceReceipt;
import org.govkiosk.api.RatingReceipt;
import org.govkiosk.api.RatingSubmission;
import org.govkiosk.api.SupplementReceipt;
import org.govkiosk.api.SupplementSubmission;
import org.govkiosk.app.outbox.EntryKind;
import org.govkiosk.app.outbox.Outbox;

/** The one converter of each {@link EntryKind}: the API's JSON, as the platform's OpenAPI document defines it. */
public final class EntryConverters {

    /** Lenient reading: a newer platform's extra receipt fields are ignored, and left out of what is kept. */
    private static final ObjectMapper JSON = PlatformJson.mapper();

    public static final EntryConverter<CaseSubmission, CaseReceipt> CASE = new Json<>(EntryKind.CASE,
            Outbox.PRIORITY_NORMAL, CaseReceipt.class, CaseSubmission::idempotencyKey, stored -> ApiPaths.CASES,
            CaseReceipt::caseNumber);

    /** Ratings can wait behind cases: a late rating harms nobody, a late case may. */
    public static final EntryConverter<RatingSubmission, RatingReceipt> RATING = new Json<>(EntryKind.RATING,
            Outbox.PRIORITY_LOW, RatingReceipt.class, RatingSubmission::idempotencyKey, stored -> ApiPaths.RATINGS,
            RatingReceipt::ratingId);

    /** Its reference is the case number: the journey reads the case's new state from there. */
    public static final EntryConverter<SupplementSubmission, SupplementReceipt> SUPPLEMENT = new Json<>(
            EntryKind.SUPPLEMENT, Outbox.PRIORITY_NORMAL, SupplementReceipt.class,
            SupplementSubmission::idempotencyKey, stored -> ApiPaths.caseSupplements(caseNumber(stored)),
            SupplementReceipt::caseNumber);

    public static final EntryConverter<CertificateIssuance, IssuanceReceipt> ISSUANCE = new Json<>(
            EntryKind.ISSUANCE, Outbox.PRIORITY_NORMAL, IssuanceReceipt.class, CertificateIssuance::idempotencyKey,
            stored -> ApiPaths.caseIssuances(caseNumber(stored)), IssuanceReceipt::caseNumber);

    private static final Map<EntryKind, EntryConverter<?, ?>> BY_KIND = new EnumMap<>(EntryKind.class);

    static {
        for (EntryConverter<?, ?> c : new EntryConverter<?, ?>[] {CASE, RATING, SUPPLEMENT, ISSUANCE}) {
            BY_KIND.put(c.kind(), c);
        }
        for (EntryKind kind : EntryKind.values()) {
            if (!BY_KIND.containsKey(kind)) {
                throw new ExceptionInInitializerError("no outbox converter for " + kind);
            }
        }
    }

    private EntryConverters() {
    }

    public static EntryConverter<?, ?> of(EntryKind kind) {
        return BY_KIND.get(Objects.requireNonNull(kind, "kind"));
    }

    /** The case a supplement or issuance belongs to: in its path, so it is read from the stored bytes. */
    private static String caseNumber(byte[] stored) throws IOException {
        JsonNode number = JSON.readTree(stored).path("caseNumber");
        if (!number.isTextual() || number.asText().isBlank()) {
            throw new IOException("the stored entry names no caseNumber");
        }
        return number.asText();
    }

    @FunctionalInterface
    private interface PathOf {
        String path(byte[] stored) throws IOException;
    }

    /** A converter for one kind of the API's JSON. */
    private static final class Json<T, R> implements EntryConverter<T, R> {
        private final EntryKind kind;
        private final int priority;
        private final Class<R> receiptType;
        private final Function<T, String> key;
        private final PathOf path;
        private final Function<R, String> reference;

        Json(EntryKind kind, int priority, Class<R> receiptType, Function<T, String> key, PathOf path,
                Function<R, String> reference) {
            this.kind = kind;
            this.priority = priority;
            this.receiptType = receiptType;
            this.key = key;
            this.path = path;
            this.reference = reference;
        }

        @Override
        public EntryKind kind() {
            return kind;
        }

        @Override
        public int priority() {
            return priority;
        }

        @Override
        public String idempotencyKey(T value) {
            return key.apply(value);
        }

        @Override
        public byte[] encode(T value) {
            try {
                return JSON.writeValueAsBytes(value);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON",
                        e);
            }
        }

        @Override
        public String path(byte[] stored) throws IOException {
            return path.path(stored);
        }

        @Override
        public R readReceipt(byte[] answer) throws IOException {
            R receipt;
            try {
                receipt = JSON.readValue(answer, receiptType);
            } catch (IllegalArgumentException e) {
                throw new IOException(e.getMessage(), e);
            }
            if (receipt == null) {
                throw new IOException("the answer is null, not a " + receiptType.getSimpleName());
            }
            return receipt;
        }

        @Override
        public String reference(R receipt) {
            return reference.apply(receipt);
        }

        @Override
        public byte[] kept(R receipt) {
            return encode0(receipt);
        }

        private static byte[] encode0(Object value) {
            try {
                return JSON.writeValueAsBytes(value);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write a " + value.getClass().getSimpleName(), e);
            }
        }
    }
}
