package org.govkiosk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Whether an identified person is a case's applicant (its holder), by the applicant key the platform keeps. */
class ApplicantKeysTest {

    private static final String KEY = ApplicantKeys.of(IdType.RESIDENT_ID, "11010519491231002X");

    @Test
    void theSamePersonMatchesHoweverTheNumberWasRead() {
        assertThat(KEY).hasSize(64).doesNotContain("11010519491231002X");
        assertThat(ApplicantKeys.matches(KEY, IdType.RESIDENT_ID, "11010519491231002X")).isTrue();
        // Off a social security card or an e-licence: the same number, perhaps with a lower-case x or spaces.
        assertThat(ApplicantKeys.matches(KEY, IdType.RESIDENT_ID, " 11010519491231002x ")).isTrue();
    }

    @Test
    void anotherPersonOrAnotherDocumentTypeDoesNotMatch() {
        assertThat(ApplicantKeys.matches(KEY, IdType.RESIDENT_ID, "110101199003074514")).isFalse();
        assertThat(ApplicantKeys.matches(KEY, IdType.FOREIGN_PERMANENT_RESIDENT, "11010519491231002X")).isFalse();
        assertThat(ApplicantKeys.matches(KEY, IdType.HMT_RESIDENCE_PERMIT, "11010519491231002X")).isFalse();
    }

    @Test
    void nothingToCompareIsNoMatch() {
        assertThat(ApplicantKeys.matches(null, IdType.RESIDENT_ID, "11010519491231002X")).isFalse();
        assertThat(ApplicantKeys.matches(KEY, null, "11010519491231002X")).isFalse();
        assertThat(ApplicantKeys.matches(KEY, IdType.RESIDENT_ID, " ")).isFalse();
        assertThat(ApplicantKeys.matches(KEY, IdType.RESIDENT_ID, null)).isFalse();
        assertThatThrownBy(() -> ApplicantKeys.of(IdType.RESIDENT_ID, "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theKeyIsThePlatformsStoredApplicantKey() throws Exception {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                .digest("RESIDENT_ID:11010519491231002X".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(KEY).isEqualTo(java.util.HexFormat.of().formatHex(digest));
    }
}
