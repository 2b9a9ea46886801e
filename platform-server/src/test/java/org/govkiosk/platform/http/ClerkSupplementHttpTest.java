package org.govkiosk.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.govkiosk.api.ApiError;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.CaseKind;
import org.govkiosk.api.CaseReceipt;
import org.govkiosk.api.CaseState;
import org.govkiosk.api.CaseSubmission;
import org.govkiosk.api.CaseView;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.api.IdType;
import org.govkiosk.api.Material;
import org.govkiosk.api.SupplementReceipt;
import org.govkiosk.api.SupplementSubmission;
import org.govkiosk.platform.Fixtures;
import org.govkiosk.platform.RunningPlatform;
import org.govkiosk.platform.TestTerminal;
import org.junit.jupiter.api.Test;

/** A clerk's 补正 naming materials, over real HTTP: the case waits for them and a terminal takes them in. */
class ClerkSupplementHttpTest extends RunningPlatform {

    private static Material provided(String code, String name) {
        return new Material(code, name, Material.Status.PROVIDED, Material.Source.PAPER, null);
    }

    /** A complete case: nothing missing, so the platform leaves it SUBMITTED for a clerk. */
    private String completeCase(String key) throws Exception {
        CaseSubmission b = Fixtures.submission("T-001", key, CaseKind.PROMISED, "本地");
        CaseSubmission s = new CaseSubmission(b.idempotencyKey(), b.localCaseId(), b.terminalId(), b.itemCode(),
                b.itemName(), b.kind(), b.applicant(), b.formData(),
                List.of(provided("M01", "身份证"), provided("M02", "户口簿"), provided("M03", "近期免冠照片")),
                b.submittedAt());
        HttpResponse<String> r = terminal.post(ApiPaths.CASES, s);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        CaseReceipt receipt = TestTerminal.read(r, CaseReceipt.class);
        assertThat(receipt.state()).isEqualTo(CaseState.SUBMITTED);
        return receipt.caseNumber();
    }

    private HttpResponse<String> move(String number, String json) throws Exception {
        return clerk("POST", ApiPaths.clerkCaseTransitions(number), json);
    }

    private CaseView asTerminalSeesIt(String number) throws Exception {
        return TestTerminal.read(terminal.get(ApiPaths.caseByNumber(number)), CaseView.class);
    }

    private HttpResponse<String> handIn(String key, String number, Material... materials) throws Exception {
        return terminal.post(ApiPaths.caseSupplements(number), new SupplementSubmission(key, number, "T-001",
                IdType.RESIDENT_ID, Fixtures.ID_NUMBER, List.of(materials), clock.instant()));
    }

    @Test
    void namedMaterialsCanBeHandedInAtATerminalUntilTheCaseIsAccepted() throws Exception {
        String n = completeCase("k1");
        HttpResponse<String> moved = move(n, "{\"to\":\"NEEDS_SUPPLEMENT\",\"materials\":[\"M03\",\"M02\"],"
                + "\"note\":\"请携带原件\"}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        CaseView answer = TestTerminal.read(moved, CaseView.class);
        assertThat(answer.note()).isEqualTo("请补正以下材料：1. 户口簿；2. 近期免冠照片。请携带原件");

        CaseView waiting = asTerminalSeesIt(n);
        assertThat(waiting.state()).isEqualTo(CaseState.NEEDS_SUPPLEMENT);
        assertThat(waiting.missingMaterials()).extracting(Material::code, Material::name, Material::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("M02", "户口簿", Material.Status.MISSING),
                        org.assertj.core.groups.Tuple.tuple("M03", "近期免冠照片", Material.Status.MISSING));

        HttpResponse<String> part = handIn("h1", n, provided("M02", "户口簿"));
        assertThat(part.statusCode()).as(part.body()).isEqualTo(201);
        SupplementReceipt partial = TestTerminal.read(part, SupplementReceipt.class);
        assertThat(partial.state()).isEqualTo(CaseState.NEEDS_SUPPLEMENT);
        assertThat(partial.stillMissing()).extracting(Material::code).containsExactly("M03");

        HttpResponse<String> rest = handIn("h2", n, provided("M03", "近期免冠照片"));
        assertThat(rest.statusCode()).as(rest.body()).isEqualTo(201);
        assertThat(TestTerminal.read(rest, SupplementReceipt.class).state()).isEqualTo(CaseState.ACCEPTED);
        CaseView accepted = asTerminalSeesIt(n);
        assertThat(accepted.state()).isEqualTo(CaseState.ACCEPTED);
        assertThat(accepted.missingMaterials()).isEmpty();
        assertThat(accepted.history()).extracting(e -> e.state()).containsExactly(CaseState.SUBMITTED,
                CaseState.NEEDS_SUPPLEMENT, CaseState.NEEDS_SUPPLEMENT, CaseState.ACCEPTED);
    }

    @Test
    void anUnknownCodeIsAConflictNamingItAndNothingMoves() throws Exception {
        String n = completeCase("k2");
        HttpResponse<String> r = move(n, "{\"to\":\"NEEDS_SUPPLEMENT\",\"materials\":[\"M01\",\"X99\"]}");
        assertThat(r.statusCode()).isEqualTo(409);
        ApiError error = TestTerminal.error(r);
        assertThat(error.code()).isEqualTo(ErrorCodes.UNKNOWN_MATERIAL);
        assertThat(error.message()).contains("X99").contains("[M01, M02, M03]");
        assertThat(error.retryable()).isFalse();
        CaseView still = asTerminalSeesIt(n);
        assertThat(still.state()).isEqualTo(CaseState.SUBMITTED);
        assertThat(still.history()).hasSize(1);
    }

    @Test
    void materialsWithAnotherTargetOrBadCodesAreBadRequests() throws Exception {
        String n = completeCase("k3");
        HttpResponse<String> accepted = move(n, "{\"to\":\"ACCEPTED\",\"materials\":[\"M01\"]}");
        assertThat(accepted.statusCode()).isEqualTo(400);
        assertThat(TestTerminal.error(accepted).code()).isEqualTo(ErrorCodes.INVALID_FIELD);
        assertThat(TestTerminal.error(accepted).message())
                .isEqualTo("materials may only be named when moving to NEEDS_SUPPLEMENT, not to ACCEPTED");

        HttpResponse<String> twice = move(n, "{\"to\":\"NEEDS_SUPPLEMENT\",\"materials\":[\"M01\",\"M01\"]}");
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(TestTerminal.error(twice).message()).contains("M01 is named twice");
        HttpResponse<String> notText = move(n, "{\"to\":\"NEEDS_SUPPLEMENT\",\"materials\":\"M01\"}");
        assertThat(notText.statusCode()).isEqualTo(400);
        assertThat(TestTerminal.error(notText).message()).contains("materials");
        HttpResponse<String> neither = move(n, "{\"to\":\"NEEDS_SUPPLEMENT\",\"materials\":[]}");
        assertThat(neither.statusCode()).isEqualTo(400);
        assertThat(TestTerminal.error(neither).message()).contains("note is required");
        assertThat(asTerminalSeesIt(n).history()).hasSize(1);

        // The same move without materials still works as before: the note only, nothing to hand in.
        HttpResponse<String> noteOnly = move(n, "{\"to\":\"NEEDS_SUPPLEMENT\",\"note\":\"请到3号窗口补签字\"}");
        assertThat(noteOnly.statusCode()).isEqualTo(200);
        assertThat(asTerminalSeesIt(n).missingMaterials()).isEmpty();
        assertThat(asTerminalSeesIt(n).note()).isEqualTo("请到3号窗口补签字");
    }
}
