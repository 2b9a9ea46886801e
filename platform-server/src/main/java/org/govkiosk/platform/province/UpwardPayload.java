package org.govkiosk.platform.province;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.govkiosk.api.ApiJson;
import org.govkiosk.api.RatingSubmission;
import org.govkiosk.personal.Masking;
import org.govkiosk.platform.store.UpwardOutbox;

/**
 * The body of one delivery ({@code Delivery} in {@code province-haochaping.yaml}): the rating and the case facts the
 * province needs, composed from the stored rating when it is sent. Personal data only as the national rules need:
 * never an ID number or a name; the applicant's phone masked (138****5678) and as a keyed hash the province can
 * match, and neither for 不公开评价.
 */
final class UpwardPayload {

    private final ObjectMapper json = ApiJson.lenient();
    private final Map<String, String> departments;
    private final ProvinceHmac hmac;

    UpwardPayload(Map<String, String> departments, ProvinceHmac hmac) {
        this.departments = departments;
        this.hmac = hmac;
    }

    /** @throws IllegalStateException if the rating is gone or unreadable (the entry can never be sent) */
    byte[] body(OutboxEntry e, ProvinceOutbox.StoredRating stored) {
        if (stored == null) {
            throw new IllegalStateException("rating " + e.ratingId() + " is not stored");
        }
        try {
            RatingSubmission s = json.readValue(stored.submission(), RatingSubmission.class);
            UpwardOutbox.Kind kind = UpwardOutbox.Kind.valueOf(e.kind());
            ObjectNode o = json.createObjectNode();
            o.put("idempotencyKey", e.idempotencyKey());
            o.put("kind", kind.wire());
            o.put("ratingId", e.ratingId());
            o.put("hallCode", s.hallCode());
            o.put("caseNumber", s.caseNumber());
            o.put("serviceSequence", s.serviceSequence());
            o.put("itemCode", s.itemCode());
            o.put("department", departments.get(s.itemCode()));
            o.put("windowId", s.windowId());
            o.put("terminalId", s.terminalId());
            o.put("clerkId", s.clerkId());
            o.put("channel", s.channel().usualPfCode());
            o.put("level", s.level());
            ObjectNode indicators = o.putObject("indicators");
            s.indicatorLevels().forEach(indicators::put);
            s.badReasons().forEach(o.putArray("reasons")::add);
            if (s.badReasons().isEmpty()) {
                o.putArray("reasons");
            }
            o.put("comment", s.comment());
            o.put("anonymous", s.anonymous());
            o.put("defaulted", stored.defaulted());
            o.put("ratedAt", s.ratedAt().toString());
            o.put("receivedAt", Instant.ofEpochMilli(stored.receivedAt()).toString());
            String phone = s.anonymous() ? null : phone(stored.caseJson());
            if (phone == null) {
                o.putNull("contact");
            } else {
                ObjectNode contact = o.putObject("contact");
                contact.put("phoneMasked", Masking.phone(phone));
                contact.put("phoneHash", hmac.keyedHashHex(phone));
            }
            if (stored.detail() == null) {
                o.putNull("detail");
            } else {
                o.set("detail", json.readTree(stored.detail()));
            }
            return json.writeValueAsString(o).getBytes(StandardCharsets.UTF_8);
        } catch (IOException | IllegalArgumentException ex) {
            throw new IllegalStateException("rating " + e.ratingId() + " cannot be read: " + ex.getMessage(), ex);
        }
    }

    private String phone(String caseJson) throws IOException {
        if (caseJson == null) {
            return null;
        }
        JsonNode phone = json.readTree(caseJson).path("applicant").path("phone");
        return phone.isTextual() && !phone.asText().isBlank() ? phone.asText().strip() : null;
    }
}
