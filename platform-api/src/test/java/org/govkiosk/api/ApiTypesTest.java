package org.govkiosk.api;

import org.govkiosk.personal.Masking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiTypesTest {

    private final ObjectMapper strict = ApiJson.strict();

    static CaseSubmission submission() {
        return new CaseSubmission("key-1", "local-1", "T-001", "ITEM-001", "城乡居民养老保险参保登记",
                CaseKind.PROMISED, new Applicant(IdType.RESIDENT_ID, "11010519491231002X", "张三丰", "13800138000", null),
                Map.of("household", "本地"), List.of(new Material("M1", "户口簿", Material.Status.PROVIDED,
                        Material.Source.PAPER, null)), Instant.parse("2025-03-01T08:00:00Z"));
    }

    @Test
    void caseSubmissionRoundTripsThroughJson() throws Exception {
        CaseSubmission s = submission();
        String json = strict.writeValueAsString(s);
        assertThat(json).contains("\"submittedAt\":\"2025-03-01T08:00:00Z\"").contains("\"kind\":\"PROMISED\"");
        assertThat(strict.readValue(json, CaseSubmission.class)).isEqualTo(s);
        // Nothing deferred: no commitment in the body, which stays as it was before commitments were kept (a case
        // queued then and resent now has the same body hash).
        assertThat(json).doesNotContain("commitment");
        CaseSubmission deferred = new CaseSubmission(s.idempotencyKey(), s.localCaseId(), s.terminalId(), s.itemCode(),
                s.itemName(), s.kind(), s.applicant(), s.formData(), List.of(new Material("M1", "户口簿",
                        Material.Status.WAIVED_BY_COMMITMENT, null, null)), s.submittedAt())
                .withCommitment(new DeferralCommitment("RQ-1", "本人承诺……", s.submittedAt(), List.of("M1"),
                        LocalDate.of(2025, 3, 10)));
        assertThat(strict.readValue(strict.writeValueAsString(deferred), CaseSubmission.class)).isEqualTo(deferred);
    }

    @Test
    void theSmsOptOutIsInTheBodyOnlyWhenTheCitizenDeclined() throws Exception {
        CaseSubmission s = submission();
        String json = strict.writeValueAsString(s);
        // A case taking the notices has the body it had before the choice existed: the same idempotency hash.
        assertThat(json).doesNotContain("smsOptOut");
        assertThat(s.declinesSms()).isFalse();
        assertThat(s.withSmsOptOut(false)).isEqualTo(s);
        assertThat(strict.writeValueAsString(s.withSmsOptOut(false))).isEqualTo(json);
        String withFalse = json.substring(0, json.length() - 1) + ",\"smsOptOut\":false}";
        assertThat(strict.readValue(withFalse, CaseSubmission.class)).as("false is kept as absent").isEqualTo(s);

        CaseSubmission declined = s.withSmsOptOut(true);
        String declinedJson = strict.writeValueAsString(declined);
        assertThat(declinedJson).contains("\"smsOptOut\":true");
        assertThat(strict.readValue(declinedJson, CaseSubmission.class)).isEqualTo(declined)
                .satisfies(d -> assertThat(d.declinesSms()).isTrue());
        assertThat(declined.toString()).contains("no-sms");
        assertThatThrownBy(() -> strict.readValue(json.substring(0, json.length() - 1) + ",\"smsOptOut\":1}",
                CaseSubmission.class)).as("no coercion of a number").isInstanceOf(Exception.class);
    }

    @Test
    void theMailingAddressIsInTheBodyOnlyWhenTheCitizenChoseMail() throws Exception {
        CaseSubmission s = submission();
        String json = strict.writeValueAsString(s);
        // A case collected or printed at a terminal keeps the body (and idempotency hash) of before mailing existed.
        assertThat(json).doesNotContain("mailTo");
        assertThat(strict.writeValueAsString(s.withSmsOptOut(false).withMailTo(null))).isEqualTo(json);
        MailingAddress to = new MailingAddress(" 广东省", "示例市", "示例区", "人民路88号3栋502室", "13912345678");
        CaseSubmission mailed = s.withMailTo(to);
        String mailedJson = strict.writeValueAsString(mailed);
        assertThat(mailedJson).contains("\"mailTo\":{\"province\":\"广东省\",\"city\":\"示例市\"");
        assertThat(strict.readValue(mailedJson, CaseSubmission.class)).isEqualTo(mailed);
        assertThat(mailed.toString()).contains("广东省示例市示例区****", "139****5678")
                .doesNotContain("人民路", "13912345678");
        assertThatThrownBy(() -> strict.readValue(mailedJson.replace("\"phone\":\"13912345678\"",
                "\"phone\":\"13912345678\",\"name\":\"张三丰\""), CaseSubmission.class))
                .as("nothing beyond the address and phone").isInstanceOf(Exception.class);
        assertThatThrownBy(() -> strict.readValue(mailedJson.replace("示例区", "区\\u0007"), CaseSubmission.class))
                .isInstanceOf(Exception.class);
    }

    @Test
    void personalDataIsMaskedInToString() {
        assertThat(submission().toString()).doesNotContain("11010519491231002X").doesNotContain("张三丰")
                .contains("110***********002X").doesNotContain("本地");
        assertThat(Masking.name("张三")).isEqualTo("张*");
        assertThat(Masking.name("欧阳娜娜")).isEqualTo("欧***");
        assertThat(new CaseSearch(IdType.RESIDENT_ID, "11010519491231002X").toString())
                .doesNotContain("11010519491231002X");
    }

    @Test
    void strictMapperRefusesUnknownFieldsAndMissingOnes() {
        assertThatThrownBy(() -> strict.readValue("{\"idType\":\"RESIDENT_ID\",\"idNumber\":\"1\",\"x\":1}",
                CaseSearch.class)).isInstanceOf(UnrecognizedPropertyException.class);
        assertThatThrownBy(() -> strict.readValue("{\"idType\":\"RESIDENT_ID\"}", CaseSearch.class))
                .hasMessageContaining("idNumber is required");
    }

    @Test
    void lenientMapperIgnoresFieldsANewerPlatformAdds() throws Exception {
        CaseReceipt r = ApiJson.lenient().readValue("{\"caseNumber\":\"N1\",\"state\":\"SUBMITTED\","
                + "\"acceptedAt\":\"2025-03-01T08:00:00Z\",\"promisedDate\":\"2025-03-08\",\"later\":true}",
                CaseReceipt.class);
        assertThat(r.promisedDate()).isEqualTo(LocalDate.of(2025, 3, 8));
    }

    @Test
    void ratingRoundTripsThroughTheStrictMapper() throws Exception {
        RatingSubmission r = rating(1, List.of("WAITING_TIME"), "等了很久");
        assertThat(strict.readValue(strict.writeValueAsString(r), RatingSubmission.class)).isEqualTo(r);
    }

    @Test
    void badRatingNeedsAReason() {
        assertThatThrownBy(() -> rating(2, List.of(), null)).hasMessageContaining("needs badReasons or a comment");
        assertThat(rating(2, List.of("SERVICE_ATTITUDE"), null).isBad()).isTrue();
        assertThat(rating(1, List.of(), "等了很久").isBad()).isTrue();
        assertThat(rating(4, List.of(), null).isBad()).isFalse();
        assertThatThrownBy(() -> rating(6, List.of(), null)).hasMessageContaining("level must be 1 to 5");
    }

    @Test
    void stateMachineFollowsTheDomain() {
        assertThat(CaseState.SUBMITTED.next()).containsExactlyInAnyOrder(CaseState.ACCEPTED,
                CaseState.NOT_ACCEPTED, CaseState.NEEDS_SUPPLEMENT, CaseState.RETURNED);
        // 退回件: a case not yet decided may be returned, with reasons; a returned one moves no more.
        assertThat(CaseState.IN_REVIEW.canMoveTo(CaseState.RETURNED)).isTrue();
        assertThat(CaseState.COMPLETED.canMoveTo(CaseState.RETURNED)).isFalse();
        assertThat(CaseState.RETURNED.isFinal()).isTrue();
        assertThatThrownBy(() -> new CaseTransition(CaseState.RETURNED, "材料不符"))
                .hasMessageContaining(ApiPaths.CLERK_CASE_RETURN);
        assertThat(CaseState.ACCEPTED.canMoveTo(CaseState.COMPLETED)).isFalse();
        assertThat(CaseState.COMPLETED.canMoveTo(CaseState.CERTIFICATE_ISSUED)).isTrue();
        assertThat(CaseState.NOT_ACCEPTED.isFinal()).isTrue();
        assertThatThrownBy(() -> new CaseTransition(CaseState.NOT_ACCEPTED, " "))
                .hasMessageContaining("note is required");
    }

    private static RatingSubmission rating(int level, List<String> reasons, String comment) {
        return new RatingSubmission("r-1", "N1", "1", "ITEM-001", "HALL-1", "T-001", null, null,
                RatingChannel.SELF_SERVICE_TERMINAL, level, Map.of(), reasons, comment, false,
                Instant.parse("2025-03-01T08:00:00Z"));
    }
}
