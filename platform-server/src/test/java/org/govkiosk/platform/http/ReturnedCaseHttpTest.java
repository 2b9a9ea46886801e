package org.govkiosk.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.CaseList;
import org.govkiosk.api.CaseState;
import org.govkiosk.api.CaseView;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.platform.RunningPlatform;
import org.govkiosk.platform.TestTerminal;
import org.junit.jupiter.api.Test;

/** 退回件 over real HTTP: the clerk's return endpoint, what the terminal's view of the case then says, and refusals. */
class ReturnedCaseHttpTest extends RunningPlatform {

    private static final String RETURN = "{\"department\":\"示例市人力资源和社会保障局\",\"returnedBy\":\"窗口工号 0127\","
            + "\"reasons\":[\"解除劳动合同证明未加盖单位公章\",\"申请表缴费档次与所附材料不一致\"],"
            + "\"nextSteps\":\"请补齐盖章材料后重新申报\"}";

    @Test
    void aClerkReturnsACaseWithWrittenReasonsThatTheTerminalSees() throws Exception {
        String n = fileCase("k1");
        HttpResponse<String> r = clerk("POST", ApiPaths.clerkCaseReturn(n), RETURN);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).doesNotContain("0127");

        HttpResponse<String> seen = terminal.get(ApiPaths.caseByNumber(n));
        CaseView v = TestTerminal.read(seen, CaseView.class);
        assertThat(v.state()).isEqualTo(CaseState.RETURNED);
        assertThat(v.returned().department()).isEqualTo("示例市人力资源和社会保障局");
        assertThat(v.returned().reasons()).containsExactly("解除劳动合同证明未加盖单位公章", "申请表缴费档次与所附材料不一致");
        assertThat(v.returned().nextSteps()).isEqualTo("请补齐盖章材料后重新申报");
        assertThat(v.returned().returnedAt()).isEqualTo(clock.instant());
        assertThat(v.note()).isEqualTo("1. 解除劳动合同证明未加盖单位公章；2. 申请表缴费档次与所附材料不一致");
        assertThat(v.history()).extracting(e -> e.state()).containsExactly(CaseState.SUBMITTED, CaseState.RETURNED);
        assertThat(seen.body()).as("who returned it stays on the platform").doesNotContain("0127", "returnedBy");

        CaseList returned = TestTerminal.read(clerk("GET", ApiPaths.CLERK_CASES + "?state=RETURNED", null),
                CaseList.class);
        assertThat(returned.cases()).extracting(CaseView::caseNumber).containsExactly(n);
        HttpResponse<String> again = clerk("POST", ApiPaths.clerkCaseReturn(n), RETURN);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(TestTerminal.error(again).code()).isEqualTo(ErrorCodes.ILLEGAL_TRANSITION);
    }

    @Test
    void aReturnNeedsTheClerkReasonsAndWhoAndCannotBeATransition() throws Exception {
        String n = fileCase("k2");
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(server.baseUri()
                + ApiPaths.clerkCaseReturn(n))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(RETURN)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        for (String bad : new String[] {RETURN.replaceAll("\"reasons\":\\[[^]]*]", "\"reasons\":[]"),
                RETURN.replace("\"returnedBy\":\"窗口工号 0127\",", ""), RETURN.replace("解除劳动合同证明未加盖单位公章", " "),
                "{\"department\":\"x\",\"returnedBy\":\"y\",\"reasons\":[\"z\"],\"extra\":1}"}) {
            HttpResponse<String> r = clerk("POST", ApiPaths.clerkCaseReturn(n), bad);
            assertThat(r.statusCode()).as(bad + " → " + r.body()).isEqualTo(400);
            assertThat(TestTerminal.error(r).code()).isIn(ErrorCodes.INVALID_FIELD, ErrorCodes.UNKNOWN_FIELD);
        }
        HttpResponse<String> asTransition = clerk("POST", ApiPaths.clerkCaseTransitions(n),
                "{\"to\":\"RETURNED\",\"note\":\"材料不符\"}");
        assertThat(asTransition.statusCode()).isEqualTo(400);
        assertThat(TestTerminal.error(asTransition).message()).contains(ApiPaths.CLERK_CASE_RETURN);
        assertThat(TestTerminal.read(terminal.get(ApiPaths.caseByNumber(n)), CaseView.class).state())
                .isEqualTo(CaseState.SUBMITTED);
        assertThat(clerk("POST", ApiPaths.clerkCaseReturn("GK00000000000000000000"), RETURN).statusCode())
                .isEqualTo(404);
    }
}
