package org.govkiosk.platform.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.CaseList;
import org.govkiosk.api.CaseReceipt;
import org.govkiosk.api.CaseSearch;
import org.govkiosk.api.CaseSubmission;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.api.HolderIdentity;
import org.govkiosk.api.Material;
import org.govkiosk.api.SupplementReceipt;
import org.govkiosk.api.SupplementSubmission;
import org.govkiosk.platform.cases.CaseDecisions;
import org.govkiosk.platform.cases.CaseNumbers;
import org.govkiosk.platform.cases.PromisedDates;
import org.govkiosk.platform.store.AttachmentStore;
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

    /** A case body may carry scanned pages (base64) beyond the JSON limit of other requests. */
    public static long caseBodyLimit(long maxBodyBytes) {
        return maxBodyBytes + CaseSubmission.MAX_ATTACHMENT_BYTES / 3L * 4L + 64 * 1024;
    }

    private AttachmentStore attachments;

    /** The larger case limit is for scanned pages only: the rest of the body keeps the ordinary JSON limit. */
    private void requireOrdinarySizeBesidesPages(long bodyLength, List<Material> materials) {
        long pagesBase64 = materials.stream().flatMap(m -> m.attachments().stream())
                .mapToLong(a -> (a.size() + 2L) / 3L * 4L).sum();
        if (bodyLength - pagesBase64 > s.maxBodyBytes()) {
            throw ApiException.client(413, ErrorCodes.BODY_TOO_LARGE, "request body is over " + s.maxBodyBytes()
                    + " bytes besides its scanned pages");
        }
    }

    private java.util.function.BiFunction<CaseSubmission, CaseReceipt, CaseReceipt> receiptLinks = (c, r) -> r;

    /** What adds the links a receipt carries (the case's rating link, signed by the platform). */
    public CaseRoutes withReceiptLinks(java.util.function.BiFunction<CaseSubmission, CaseReceipt, CaseReceipt> links) {
        this.receiptLinks = links;
        return this;
    }

    private org.govkiosk.platform.cases.CatalogJointDepartments jointDepartments =
            org.govkiosk.platform.cases.CatalogJointDepartments.none();

    /** The departments of the catalog's joint items: a joint case of one gets a step per department (联办件). */
    public CaseRoutes withJointDepartments(org.govkiosk.platform.cases.CatalogJointDepartments departments) {
        this.jointDepartments = departments;
        return this;
    }

    /** Where scanned pages go; without one they are checked and their hashes kept, but not stored. */
    public CaseRoutes withAttachments(AttachmentStore store) {
        this.attachments = store;
        return this;
    }

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
        app.post(ApiPaths.CASE_CERTIFICATE, this::certificateForHolder);
        app.post(ApiPaths.CASE_SUPPLEMENTS, this::supplement);
    }

    /** Cases handled at once past reading their bodies; null: no limit ({@code intake-concurrency}). */
    private java.util.concurrent.Semaphore intake;

    /**
     * At most {@code cases} submissions and 补正 handled at once once their bodies are read (0: no limit): a burst
     * queues for a turn instead of crowding the CPU, where the pushes to the pads and everything else would wait
     * behind it. The body is read before the turn is taken: a terminal sending slowly holds no turn.
     */
    public CaseRoutes withIntakeConcurrency(int cases) {
        this.intake = cases > 0 ? new java.util.concurrent.Semaphore(cases, true) : null;
        return this;
    }

    private void submit(Context ctx) {
        s.bodies().requireJson(ctx);
        RouteSupport.Signed signed = s.signed(ctx, caseBodyLimit(s.maxBodyBytes()));
        inTurn(() -> submit(ctx, signed));
    }

    /** Runs a submission's work once it has an intake turn (at once when there is no limit). */
    private void inTurn(Runnable work) {
        java.util.concurrent.Semaphore turns = intake;
        if (turns == null) {
            work.run();
            return;
        }
        turns.acquireUninterruptibly();
        try {
            work.run();
        } finally {
            turns.release();
        }
    }

    private void submit(Context ctx, RouteSupport.Signed signed) {
        byte[] body = signed.body();
        String terminal = signed.terminal();
        CaseSubmission submission = s.bodies().json(body, CaseSubmission.class);
        requireOrdinarySizeBesidesPages(body.length, submission.materials());
        Auth.requireSame(terminal, submission.terminalId());
        // Scanned pages are kept apart; the case record holds their hashes, which the body hash then covers.
        String json = s.bodies().canonicalJson(submission.withoutAttachmentContent());
        Instant now = s.clock().instant();
        CaseStore.NewCase extra = new CaseStore.NewCase(Bodies.sha256Hex(json.getBytes(StandardCharsets.UTF_8)),
                json, promisedDates.promisedDate(submission.itemCode(), submission.kind(), s.today()),
                decisions.atIntake(submission, now), submission.commitment() == null ? null
                        : promisedDates.deferralDeadline(submission.itemCode(),
                                submission.commitment().materials(), s.today()).orElse(null),
                submission.kind() == org.govkiosk.api.CaseKind.JOINT
                        ? jointDepartments.of(submission.itemCode()).orElse(null) : null);
        CaseReceipt receipt = cases.submit(submission, extra, numbers, now);
        if (attachments != null) {
            attachments.store(receipt.caseNumber(), submission, now);
        }
        receipt = receiptLinks.apply(submission, receipt);
        s.receipt(ctx, receipt.duplicate() ? 200 : 201, signed, receipt);
    }

    private void supplement(Context ctx) {
        s.bodies().requireJson(ctx);
        RouteSupport.Signed signed = s.signed(ctx, caseBodyLimit(s.maxBodyBytes()));
        inTurn(() -> supplement(ctx, signed));
    }

    private void supplement(Context ctx, RouteSupport.Signed signed) {
        byte[] body = signed.body();
        String terminal = signed.terminal();
        SupplementSubmission supplement = s.bodies().json(body, SupplementSubmission.class);
        requireOrdinarySizeBesidesPages(body.length, supplement.materials());
        Auth.requireSame(terminal, supplement.terminalId());
        if (!supplement.caseNumber().equals(ctx.pathParam("caseNumber"))) {
            throw ApiException.client(400, ErrorCodes.INVALID_FIELD, "caseNumber must be the case of the path");
        }
        s.halls().requireOwnCase(terminal, supplement.caseNumber());
        // As for a case: the record keeps the pages' hashes, the pages go to case_attachments with it.
        String json = s.bodies().canonicalJson(supplement.withoutAttachmentContent());
        Instant now = s.clock().instant();
        SupplementReceipt receipt = supplements.supplement(supplement,
                Bodies.sha256Hex(json.getBytes(StandardCharsets.UTF_8)), json,
                original -> decisions.onceComplete(original, now), now);
        s.receipt(ctx, receipt.duplicate() ? 200 : 201, signed, receipt);
    }

    private void search(Context ctx) {
        s.bodies().requireJson(ctx);
        RouteSupport.Signed signed = s.signed(ctx, s.maxBodyBytes());
        byte[] body = signed.body();
        String terminal = signed.terminal();
        CaseSearch search = s.bodies().json(body, CaseSearch.class);
        // The applicant's cases of this terminal's hall only: an ID number typed in proves nobody's identity.
        Responses.json(ctx, 200, new CaseList(cases.byApplicant(search.idType(), search.idNumber(),
                s.halls().of(terminal), MAX_SEARCH_RESULTS, s.today())));
    }

    private void find(Context ctx) {
        String terminal = s.signed(ctx, s.maxBodyBytes()).terminal();
        String number = ctx.pathParam("caseNumber");
        s.halls().requireOwnCase(terminal, number);
        Responses.json(ctx, 200, cases.find(number, s.today()).orElseThrow(
                () -> new NotFoundException(ErrorCodes.NOT_FOUND, "no case with this number")));
    }

    /** 自助出证: the certificate only for the case's applicant, as the terminal identified them. */
    private void certificateForHolder(Context ctx) {
        s.bodies().requireJson(ctx);
        RouteSupport.Signed signed = s.signed(ctx, s.maxBodyBytes());
        String number = ctx.pathParam("caseNumber");
        s.halls().requireOwnCase(signed.terminal(), number);
        HolderIdentity who = s.bodies().json(signed.body(), HolderIdentity.class);
        if (!cases.isApplicant(number, who.idType(), who.idNumber())) {
            throw ApiException.client(403, ErrorCodes.NOT_THE_APPLICANT,
                    "the certificate is printed for the case's applicant only");
        }
        byte[] pdf = cases.certificate(number);
        ctx.status(200).contentType("application/pdf").result(pdf);
    }
}
