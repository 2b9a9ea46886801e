package org.govkiosk.platform.pads;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.govkiosk.api.BadRating;
import org.govkiosk.api.BadRatingList;
import org.govkiosk.api.FollowUpState;
import org.govkiosk.api.NationalRating;
import org.govkiosk.api.NationalRatingPage;
import org.govkiosk.api.PadRegistration;
import org.govkiosk.api.PadRegistrationReceipt;
import org.govkiosk.api.RatingFollowUp;
import org.govkiosk.api.RatingRequest;
import org.govkiosk.api.RatingRequestClosed;
import org.govkiosk.api.RatingRequestEvent;
import org.govkiosk.api.RatingRequestReceipt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pads' records are in the OpenAPI document with exactly their fields (what platform-api's OpenApiSchemasTest
 * does for the older records; these belong in its list).
 */
class PadApiDocumentedTest {

    private static JsonNode doc;

    @BeforeAll
    static void read() throws Exception {
        try (InputStream in = PadApiDocumentedTest.class.getResourceAsStream("/openapi/govkiosk-platform.yaml")) {
            doc = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    @Test
    void everyPadRecordHasASchemaWithExactlyItsFields() {
        for (Class<?> type : List.of(PadRegistration.class, PadRegistrationReceipt.class, RatingRequest.class,
                RatingRequestReceipt.class, RatingRequestEvent.class, RatingRequestClosed.class, RatingFollowUp.class,
                BadRating.class, BadRatingList.class, NationalRating.class, NationalRatingPage.class)) {
            JsonNode schema = doc.at("/components/schemas/" + type.getSimpleName());
            assertThat(schema.isMissingNode()).as("schema " + type.getSimpleName()).isFalse();
            Set<String> documented = new HashSet<>();
            schema.get("properties").fieldNames().forEachRemaining(documented::add);
            Set<String> fields = new HashSet<>();
            for (RecordComponent c : type.getRecordComponents()) {
                fields.add(c.getName());
            }
            assertThat(documented).as(type.getSimpleName()).isEqualTo(fields);
            schema.path("required").forEach(r -> assertThat(fields).as(type.getSimpleName()).contains(r.asText()));
        }
    }

    @Test
    void enumsMatch() {
        assertThat(texts(doc.at("/components/schemas/FollowUpState/enum")))
                .containsExactlyElementsOf(Arrays.stream(FollowUpState.values()).map(Enum::name).toList());
        assertThat(texts(doc.at("/components/schemas/RatingRequestClosed/properties/reason/enum")))
                .containsExactlyElementsOf(Arrays.stream(RatingRequestClosed.Reason.values()).map(Enum::name).toList());
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
