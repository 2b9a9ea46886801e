package org.govkiosk.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.govkiosk.app.session.CitizenSession;
import org.govkiosk.app.session.LicenceIdentity;
import org.govkiosk.app.session.SmartCardIdentity;
import org.junit.jupiter.api.Test;

/** Who the session identified, the one rule the apply, progress and supplement screens share. */
class ApplicantIdentityTest {

    private static final String OTHER_ID = "110105194912310021";

    private final CitizenSession session = new CitizenSession();

    @Test
    void nobodyUntilTheCitizenIdentifies() {
        assertThat(ApplicantIdentity.of(session, null)).isEmpty();
    }

    @Test
    void anELicenceAloneIdentifiesWithItsHolderLockedAndTheBirthDateFromTheNumber() {
        session.licenceProperty().set(new LicenceIdentity("E_SOCIAL_SECURITY_CARD", "人社局", "张三丰",
                JourneyRig.ID_NUMBER));

        assertThat(ApplicantIdentity.of(session, "13800138000")).hasValueSatisfying(who -> {
            assertThat(who.idNumber()).isEqualTo(JourneyRig.ID_NUMBER);
            assertThat(who.name()).isEqualTo("张三丰");
            assertThat(who.birthDate()).hasValue(java.time.LocalDate.of(1949, 12, 31));
            assertThat(who.phone()).hasValue("13800138000");
        });
    }

    @Test
    void theIdCardComesFirstThenTheSmartCardThenTheELicence() {
        session.licenceProperty().set(new LicenceIdentity("E_SOCIAL_SECURITY_CARD", "人社局", "李四", OTHER_ID));
        session.smartCardProperty().set(new SmartCardIdentity("social-security", Map.of("name", "王五",
                "id-number", "110105194912310013")));
        assertThat(ApplicantIdentity.of(session, null)).map(ApplicantIdentity::name).hasValue("王五");

        session.identityProperty().set(JourneyRig.card());
        assertThat(ApplicantIdentity.of(session, null)).map(ApplicantIdentity::name).hasValue("张三丰");
    }

    @Test
    void aSmartCardWithoutTheHoldersNumberLeavesItToTheELicence() {
        session.smartCardProperty().set(new SmartCardIdentity("bank", Map.of("name", "王五")));
        session.licenceProperty().set(new LicenceIdentity("E_SOCIAL_SECURITY_CARD", "人社局", "李四", OTHER_ID));

        assertThat(ApplicantIdentity.of(session, null)).map(ApplicantIdentity::idNumber).hasValue(OTHER_ID);
    }

    @Test
    void aSocialSecurityCardReadByTheNationalLayoutCarriesAnApplication() {
        // The fields as the national profile reads them (device-drivers NationalProfileReaderTest).
        session.smartCardProperty().set(new SmartCardIdentity("social-security-national", Map.of(
                "card-id", "330100D15600000500BF7C7A48FB4966", "card-number", "A12345678", "issued", "20200115",
                "valid-until", "20300115", "id-number", "11010519491231002X", "name", "王芳", "sex", "2",
                "nation", "01", "issuing-region", "330100")));

        assertThat(ApplicantIdentity.of(session, "13800138000")).hasValueSatisfying(who -> {
            assertThat(who.idNumber()).isEqualTo("11010519491231002X");
            assertThat(who.name()).isEqualTo("王芳");
            assertThat(who.sex()).hasValue("女");
            assertThat(who.nation()).as("GB 3304 code 01").hasValue("汉");
            assertThat(who.birthDate()).hasValue(java.time.LocalDate.of(1949, 12, 31));
            assertThat(who.toApplicant(java.util.Optional.empty(), java.util.Optional.empty()).idNumber())
                    .isEqualTo("11010519491231002X");
        });
    }
}
