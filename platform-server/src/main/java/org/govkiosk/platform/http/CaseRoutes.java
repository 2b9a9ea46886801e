package org.govkiosk.platform.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.CaseList;
import org.govkiosk.api.CaseReceipt;
import org.govkiosk.api.CaseSearch;
import org.govkiosk.api.CaseSubmission;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.api.SupplementReceipt;
import org.govkiosk.api.SupplementSubmission;
import org.govkiosk.platform.cases.CaseDecisions;
import org.govkiosk.platform.cases.CaseNumbers;
import org.govkiosk.platform.cases.PromisedDates;
import org.govkiosk.platform.store.CaseStore;
import org.govkiosk.platform.store.NotFoundException;
import org.govkiosk.platform.store.SupplementStore;

/**
 * The terminal's side of cases: submit (filed by {@link CaseDecisions}), hand in missing materials, query by
 * number or applicant, fetch the certificate.
 */
public final class CaseRoutes {

    static final int MAX_SEARCH_RESULTS = 50;

    private final RouteSupport s;
    private final CaseStore cases;
    private final CaseNumbers numbers;
    private final PromisedDates promisedDates;
    private final SupplementStore supplements;
    private final CaseDecisions decisions;

    public CaseRoutes(RouteSupport support, CaseStore cases, CaseNumbers numbers, PromisedDates promisedDates,
            SupplementStore supplements, CaseDecisions decisions) {
        this.s = support;
        this.cases = cases;
        this.numbers = numbers;
        this.promisedDates = promisedDates;
        this.supplements = supplements;
        this.decisions = decisions;
    }

    public void register(RouteTable app) {
        app.post(ApiPaths.CASES, this::submit);
        app.post(ApiPaths.CASE_SEARCH, this::search);
        app.get(ApiPaths.CASE, this::find);
        app.get(ApiPaths.CASE_CERTIFICATE, this::certificate);
        app.post(ApiPaths.CASE_SUPPLEMENTS, this::supplement);
    }

    private void submit(Context ctx) {
        s.bodies().requireJson(ctx);
        byte[] body = s.bodies().read(ctx, s.maxBodyBytes());
        String terminal = s.auth().terminal(ctx, body);
        CaseSubmission submission = s.bodies().json(body, CaseSubmission.class);
        Auth.requireSame(terminal, submission.terminalId());
        String json = s.bodies().canonicalJson(submission);
        Instant now = s.clock().instant();
        CaseStore.NewCase extra = new CaseStore.NewCase(Bodies.sha256Hex(json.getBytes(StandardCharsets.UTF_8)),
                json, promisedDates.promisedDate(submission.itemCode(), submission.kind(), s.today()),
                decisions.atIntake(submission, now));
        CaseReceipt receipt = cases.submit(submission, extra, numbers, now);
        Responses.json(ctx, receipt.duplicate() ? 200 : 201, receipt);
    }

    private void supplement(Context ctx) {
        s.bodies().requireJson(ctx);
        byte[] body = s.bodies().read(ctx, s.maxBodyBytes());
        String terminal = s.auth().terminal(ctx, body);
        SupplementSubmission supplement = s.bodies().json(body, SupplementSubmission.class);
        Auth.requireSame(terminal, supplement.terminalId());
        if (!supplement.caseNumber().equals(ctx.pathParam("caseNumber"))) {
            throw ApiException.client(400, ErrorCodes.INVALID_FIELD, "caseNumber must be the case of the path");
        }
        String json = s.bodies().canonicalJson(supplement);
        Instant now = s.clock().instant();
        SupplementReceipt receipt = supplements.supplement(supplement,
                Bodies.sha256Hex(json.getBytes(StandardCharsets.UTF_8)), json,
                original -> decisions.onceComplete(original, now), now);
        Responses.json(ctx, receipt.duplicate() ? 200 : 201, receipt);
    }

    private void search(Context ctx) {
        s.bodies().requireJson(ctx);
        byte[] body = s.bodies().read(ctx, s.maxBodyBytes());
        s.auth().terminal(ctx, body);
        CaseSearch search = s.bodies().json(body, CaseSearch.class);
        Responses.json(ctx, 200, new CaseList(cases.byApplicant(search.idType(), search.idNumber(),
                MAX_SEARCH_RESULTS, s.today())));
    }

    private void find(Context ctx) {
        s.auth().terminal(ctx, s.bodies().read(ctx, s.maxBodyBytes()));
        String number = ctx.pathParam("caseNumber");
        Responses.json(ctx, 200, cases.find(number, s.today()).orElseThrow(
                () -> new NotFoundException(ErrorCodes.NOT_FOUND, "no case with this number")));
    }

    private void certificate(Context ctx) {
        s.auth().terminal(ctx, s.bodies().read(ctx, s.maxBodyBytes()));
        byte[] pdf = cases.certificate(ctx.pathParam("caseNumber"));
        ctx.status(200).contentType("application/pdf").result(pdf);
    }
}
