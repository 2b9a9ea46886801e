package org.govkiosk.app.cases;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.govkiosk.api.Applicant;
import org.govkiosk.api.CaseKind;
import org.govkiosk.api.IdType;
import org.govkiosk.api.Material;

/** Cases as a citizen flow would build them. */
public final class TestCases {

    public static final ServiceItem ITEM = new ServiceItem("11110000MB0000001X4440111001000", "城乡居民基本养老保险参保登记",
            CaseKind.IMMEDIATE);

    private TestCases() {
    }

    public static Applicant applicant() {
        return new Applicant(IdType.RESIDENT_ID, "11010519491231002X", "张三丰", "13800138000", "北京市朝阳区某路1号");
    }

    public static Case draft(Clock clock) {
        return Case.draft(ITEM, applicant(), new FormData(Map.of("phone", "13800138000", "bank", "6222020200112233")),
                List.of(new Material("M1", "居民身份证", Material.Status.PROVIDED, Material.Source.SCAN, null)), clock);
    }
}
