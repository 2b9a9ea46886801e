package org.govkiosk.platform;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.govkiosk.api.Applicant;
import org.govkiosk.api.CaseKind;
import org.govkiosk.api.CaseSubmission;
import org.govkiosk.api.IdType;
import org.govkiosk.api.Material;
import org.govkiosk.api.RatingChannel;
import org.govkiosk.api.RatingSubmission;

/** Values the tests submit. */
public final class Fixtures {

    public static final String ID_NUMBER = "11010519491231002X";

    private Fixtures() {
    }

    /**
     * A scanned page's bytes: {@code size} bytes of {@code fill} behind a JPEG's start-of-image marker (the platform
     * takes no other bytes as a JPEG page).
     */
    public static byte[] jpeg(int size, int fill) {
        byte[] b = new byte[size];
        java.util.Arrays.fill(b, (byte) fill);
        b[0] = (byte) 0xFF;
        b[1] = (byte) 0xD8;
        b[2] = (byte) 0xFF;
        return b;
    }

    public static CaseSubmission submission(String terminalId, String key) {
        return submission(terminalId, key, CaseKind.PROMISED, "本地");
    }

    public static CaseSubmission submission(String terminalId, String key, CaseKind kind, String household) {
        return new CaseSubmission(key, "local-" + key, terminalId, "ITEM-001", "城乡居民养老保险参保登记", kind,
                new Applicant(IdType.RESIDENT_ID, ID_NUMBER, "张三丰", "13800138000", null),
                Map.of("household", household, "bank", "工商银行"),
                List.of(new Material("M1", "户口簿", Material.Status.PROVIDED, Material.Source.SCAN, "sha256:ab")),
                Instant.parse("2025-03-03T02:00:00Z"));
    }

    public static RatingSubmission rating(String terminalId, String key, String caseNumber, String seq, int level) {
        return new RatingSubmission(key, caseNumber, seq, "ITEM-001", "HALL-1", terminalId, null, null,
                RatingChannel.SELF_SERVICE_TERMINAL, level, Map.of("OVERALL", level),
                level <= 2 ? List.of("SERVICE_ATTITUDE") : List.of(), null, false,
                Instant.parse("2025-03-03T02:10:00Z"));
    }
}
