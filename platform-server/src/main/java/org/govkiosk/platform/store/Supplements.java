package org.govkiosk.platform.store;

import java.util.List;
import org.govkiosk.api.Material;

/** The written request for missing materials (补正), as a case's note shows it: every material at once. */
public final class Supplements {

    private Supplements() {
    }

    /** "请补正以下材料：1. 户口簿；2. 照片。" */
    public static String request(List<Material> missing) {
        StringBuilder text = new StringBuilder("请补正以下材料：");
        for (int i = 0; i < missing.size(); i++) {
            text.append(i == 0 ? "" : "；").append(i + 1).append(". ").append(missing.get(i).name());
        }
        return text.append("。").toString();
    }
}
