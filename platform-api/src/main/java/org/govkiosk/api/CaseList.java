package org.govkiosk.api;

import java.util.List;

/** Cases found by a query, newest first. */
public record CaseList(List<CaseView> cases) {

    public CaseList {
        cases = Check.list(cases, "cases");
    }
}
