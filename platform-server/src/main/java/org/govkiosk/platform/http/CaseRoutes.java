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
import org.govkiosk.platform.cases.CaseNumbers;
import org.govkiosk.platform.cases.PromisedDates;
import org.govkiosk.platform.store.CaseStore;
import org.govkiosk.platform.store.NotFoundException;

/** The terminal's side of cases: submit, query by number or applicant, fetch the certificate. */
public final class CaseRoutes {

    static final int MAX_SEARCH_RESULTS = 50;

    private final RouteSupport s;
    private final CaseStore cases;
    private final CaseNumbers numbers;
    private final PromisedDates promisedDates;

    public CaseRoutes(RouteSupport support, CaseStore cases, CaseNumbers numbers, PromisedDates promisedDates) {
        this.s = support;
        this.cases = cases;
        this.numbers = numbers;
        this.promisedDates = promisedDates;
    }

    public void register(RouteTable app) {
        app.post(ApiPaths.CASES, this::submit);
        app.post(ApiPaths.CASE_SEARCH, this::search);
        app.get(ApiPaths.CASE, this::find);
        app.get(ApiPaths.CASE_CERTIFICATE, this::certificate);
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
                json, promisedDates.promisedDate(submission.itemCode(), submission.kind(), s.today()));
        CaseReceipt receipt = cases.submit(submission, extra, numbers, now);
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
