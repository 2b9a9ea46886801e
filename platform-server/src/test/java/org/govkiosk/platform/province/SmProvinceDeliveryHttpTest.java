package org.govkiosk.platform.province;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.govkiosk.api.CryptoSuite;
import org.govkiosk.api.RatingReceipt;
import org.junit.jupiter.api.Test;

/** Under {@code crypto-suite: sm} the link signs with HMAC-SM3 over SM3 body digests, both ways. */
class SmProvinceDeliveryHttpTest extends ProvincePlatform {

    @Override
    protected CryptoSuite suite() {
        return CryptoSuite.SM;
    }

    @Test
    void deliveriesAndNoticesAreSignedWithHmacSm3() throws Exception {
        RatingReceipt bad = rated("sm", 2, false);
        assertThat(server.runProvinceDelivery().delivered()).isEqualTo(1);
        assertThat(province.algorithms).containsExactly("HMAC-SM3");
        assertThat(province.badSignatures.get()).isZero();
        var pushed = province.pushNotice(server.baseUri(), Map.of("noticeNumber", "TB-SM-1", "caseNumber",
                bad.caseNumber(), "serviceSequence", "1", "level", 2, "deadline", "2025-04-10", "issuedAt",
                clock.instant().toString()), false, null, 0);
        assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(201);
    }
}
