package org.govkiosk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The certificate-issued report (出证): what it must carry, how it travels, and that the document agrees. */
class CertificateIssuanceTest {

    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private final ObjectMapper strict = ApiJson.strict();

    private static CertificateIssuance issuance(String sha) {
        return new CertificateIssuance("iss-1", "GK-1", "T-001", "HALL-1", IssuanceChannel.SELF_SERVICE_TERMINAL,
                sha, Instant.parse("2025-03-03T02:00:00Z"));
    }

    @Test
    void roundTripsThroughTheStrictMapperWithOneSpellingOfTheDigest() throws Exception {
        CertificateIssuance upper = issuance(SHA.toUpperCase());
        assertThat(upper.certificateSha256()).isEqualTo(SHA);
        String json = strict.writeValueAsString(upper);
        assertThat(json).contains("\"channel\":\"SELF_SERVICE_TERMINAL\"", "\"issuedAt\":\"2025-03-03T02:00:00Z\"");
        assertThat(strict.readValue(json, CertificateIssuance.class)).isEqualTo(issuance(SHA));
    }

    @Test
    void badFieldsAreRefusedByName() {
        assertThatThrownBy(() -> issuance("abc")).hasMessageContaining("certificateSha256 must be 64 hexadecimal");
        assertThatThrownBy(() -> issuance(SHA.replace('9', 'x'))).hasMessageContaining("certificateSha256");
        assertThatThrownBy(() -> issuance(null)).hasMessageContaining("certificateSha256 is required");
        assertThatThrownBy(() -> new CertificateIssuance("k", "GK-1", "T-001", " ", IssuanceChannel.WINDOW, SHA,
                Instant.EPOCH)).hasMessageContaining("hallCode is required");
        assertThatThrownBy(() -> new CertificateIssuance("k", "GK-1", "T-001", "H", null, SHA, Instant.EPOCH))
                .hasMessageContaining("channel is required");
        assertThatThrownBy(() -> strict.readValue("{\"idempotencyKey\":\"k\",\"caseNumber\":\"GK-1\","
                + "\"terminalId\":\"T\",\"hallCode\":\"H\",\"channel\":\"SELF_SERVICE_TERMINAL\",\"certificateSha256\":\""
                + SHA + "\"}", CertificateIssuance.class)).hasMessageContaining("issuedAt is required");
    }

    @Test
    void theDocumentedChannelsAreTheEnum() throws Exception {
        JsonNode doc;
        try (InputStream in = getClass().getResourceAsStream("/openapi/govkiosk-platform.yaml")) {
            doc = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        List<String> documented = new ArrayList<>();
        doc.at("/components/schemas/CertificateIssuance/properties/channel/enum")
                .forEach(v -> documented.add(v.asText()));
        assertThat(documented).containsExactlyElementsOf(
                Arrays.stream(IssuanceChannel.values()).map(Enum::name).toList());
        assertThat(ApiPaths.caseIssuances("GK 1/2")).isEqualTo("/api/v1/cases/GK%201%2F2/issuances");
    }
}
