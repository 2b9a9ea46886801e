package org.govkiosk.platform.province;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.govkiosk.platform.store.UpwardOutbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * province-haochaping.yaml describes what the platform sends and takes: the notice record's fields, the delivery's
 * kinds, the signature's headers and algorithms, and the paths, so that neither can drift alone.
 */
class ProvinceInterfaceDocumentedTest {

    private static JsonNode doc;

    @BeforeAll
    static void read() throws Exception {
        try (InputStream in = ProvinceInterfaceDocumentedTest.class.getResourceAsStream(
                "/openapi/province-haochaping.yaml")) {
            doc = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void theNoticeRecordIsTheDocumentedNotice() {
        assertThat(Arrays.stream(BadRatingNotice.class.getRecordComponents()).map(RecordComponent::getName))
                .containsExactlyInAnyOrderElementsOf(names(doc.at("/components/schemas/BadRatingNotice/properties")));
    }

    @Test
    void everyEntryKindIsADocumentedKind() {
        List<String> documented = new ArrayList<>();
        doc.at("/components/schemas/Delivery/properties/kind/enum").forEach(k -> documented.add(k.asText()));
        assertThat(Arrays.stream(UpwardOutbox.Kind.values()).map(UpwardOutbox.Kind::wire))
                .containsExactlyInAnyOrderElementsOf(documented);
    }

    @Test
    void pathsHeadersAndAlgorithmsAreTheDocumentedOnes() {
        assertThat(names(doc.get("paths"))).containsExactlyInAnyOrder(ProvinceClient.DELIVERIES,
                ProvinceRoutes.NOTICES);
        List<String> algorithms = new ArrayList<>();
        doc.at("/components/parameters/Algorithm/schema/enum").forEach(a -> algorithms.add(a.asText()));
        assertThat(Arrays.stream(ProvinceHmac.Algorithm.values()).map(ProvinceHmac.Algorithm::header))
                .containsExactlyInAnyOrderElementsOf(algorithms);
        List<String> headers = new ArrayList<>();
        doc.get("components").get("parameters").forEach(p -> headers.add(p.get("name").asText()));
        assertThat(headers).containsExactlyInAnyOrder(ProvinceHmac.KEY_ID, ProvinceHmac.TIMESTAMP,
                ProvinceHmac.NONCE, ProvinceHmac.ALGORITHM);
        assertThat(doc.at("/components/securitySchemes/hcpSignature/name").asText())
                .isEqualTo(ProvinceHmac.SIGNATURE);
    }

    @Test
    void aDeliveryHasExactlyTheDocumentedFields() throws Exception {
        org.govkiosk.api.RatingSubmission rating = new org.govkiosk.api.RatingSubmission("k-1", "GK1", "1", "ITEM-1",
                "HALL-1", "T-1", "W-1", "C-1", org.govkiosk.api.RatingChannel.WINDOW_PAD, 2,
                java.util.Map.of("OVERALL", 2), List.of("SERVICE_ATTITUDE"), "太慢", false,
                java.time.Instant.parse("2025-04-01T02:00:00Z"));
        String caseJson = "{\"applicant\":{\"phone\":\"13800138000\",\"idNumber\":\"11010519491231002X\"}}";
        ProvinceOutbox.StoredRating stored = new ProvinceOutbox.StoredRating(
                org.govkiosk.api.ApiJson.lenient().writeValueAsString(rating), 1_743_472_800_000L, false, caseJson,
                "{\"appealId\":\"A-1\"}");
        OutboxEntry entry = new OutboxEntry("E-1", "APPEAL_UPHELD", "R-1", "appeal-upheld:R-1:A-1", "SENDING", 0,
                java.time.Instant.EPOCH, java.time.Instant.EPOCH, null, null);
        ProvinceHmac hmac = new ProvinceHmac(ProvinceHmac.Algorithm.HMAC_SHA256, "KEY-1", new byte[32]);
        JsonNode body = new ObjectMapper().readTree(new UpwardPayload(java.util.Map.of("ITEM-1", "某局"), hmac)
                .body(entry, stored));
        assertThat(names(body)).containsExactlyInAnyOrderElementsOf(names(doc.at(
                "/components/schemas/Delivery/properties")));
        assertThat(names(body.get("contact"))).containsExactlyInAnyOrderElementsOf(names(doc.at(
                "/components/schemas/Delivery/properties/contact/properties")));
        assertThat(body.path("kind").asText()).isEqualTo("appeal-upheld");
        assertThat(body.path("channel").asText()).isEqualTo("4");
        assertThat(body.path("detail").path("appealId").asText()).isEqualTo("A-1");
        assertThat(body.toString()).doesNotContain("11010519491231002X").doesNotContain("13800138000");
    }
}
