package org.govkiosk.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OpenAPI document describes the Java types and paths exactly, so neither can drift alone. */
class OpenApiSchemasTest {

    private static JsonNode doc;

    @BeforeAll
    static void read() throws Exception {
        try (InputStream in = OpenApiSchemasTest.class.getResourceAsStream("/openapi/govkiosk-platform.yaml")) {
            doc = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    private static final List<Class<?>> RECORDS = List.of(ApiError.class, TerminalRegistration.class,
            RegistrationReceipt.class, DeviceState.class, Heartbeat.class, HeartbeatReceipt.class, Applicant.class,
            Material.class, Attachment.class, CaseSubmission.class, CaseReceipt.class, CaseEvent.class, CaseView.class, CaseList.class,
            CaseSearch.class, HolderIdentity.class, CaseTransition.class, NonAcceptance.class, CaseReturn.class, ReturnNotice.class, DeferralCommitment.class, Deferral.class, SupplementSubmission.class, SupplementReceipt.class,
            CertificateIssuance.class, IssuanceReceipt.class,
            RatingSubmission.class, RatingReceipt.class,
            LicenceVerificationRequest.class, LicenceVerification.class, LicenceHolder.class, LicenceIssue.class, IssuedLicenceCode.class,
            TerminalStatus.class, TerminalStatusList.class, RatingSummary.class,
            RatingLedgerAction.class, RatingLedgerEntry.class, RatingLedgerList.class, LedgerEvent.class,
            FollowUpRates.class, RatingAppealFiling.class, RatingAppealDecision.class, RatingAppeal.class,
            RatingAppealList.class, WindowDepartment.class, WindowDepartmentList.class, RatingPublication.class,
            RatingReport.class, WindowRatingLink.class, JointStep.class, JointStepUpdate.class, Mailing.class,
            MailingAddress.class, MailingUpdate.class);

    @Test
    void everyRecordHasASchemaWithExactlyItsFields() {
        JsonNode schemas = doc.at("/components/schemas");
        for (Class<?> type : RECORDS) {
            JsonNode schema = schemas.get(type.getSimpleName());
            assertThat(schema).as("schema " + type.getSimpleName()).isNotNull();
            Set<String> documented = new HashSet<>();
            schema.get("properties").fieldNames().forEachRemaining(documented::add);
            Set<String> fields = new HashSet<>();
            for (RecordComponent c : type.getRecordComponents()) {
                fields.add(c.getName());
            }
            assertThat(documented).as(type.getSimpleName()).isEqualTo(fields);
            if (schema.has("required")) {
                schema.get("required").forEach(r -> assertThat(fields).as(type.getSimpleName()).contains(r.asText()));
            }
        }
    }

    @Test
    void enumsMatch() {
        for (Class<? extends Enum<?>> type : List.of(CaseKind.class, CaseState.class, IdType.class,
                LedgerState.class, LedgerActionKind.class, AppealState.class, JointStepState.class,
                MailingState.class)) {
            List<String> documented = new ArrayList<>();
            doc.at("/components/schemas/" + type.getSimpleName() + "/enum").forEach(v -> documented.add(v.asText()));
            assertThat(documented).as(type.getSimpleName()).containsExactlyElementsOf(
                    Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
        }
    }

    @Test
    void everyPathConstantIsDocumented() throws Exception {
        Set<String> documented = new HashSet<>();
        doc.get("paths").fieldNames().forEachRemaining(documented::add);
        Set<String> constants = new HashSet<>();
        for (Field f : ApiPaths.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class && !f.getName().equals("BASE")) {
                constants.add((String) f.get(null));
            }
        }
        assertThat(constants).isEqualTo(documented);
    }
}
