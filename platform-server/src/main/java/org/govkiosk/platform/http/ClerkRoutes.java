package org.govkiosk.platform.http;

import io.javalin.http.Context;
import java.util.Optional;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.CaseList;
import org.govkiosk.api.CaseReturn;
import org.govkiosk.api.CaseState;
import org.govkiosk.api.CaseTransition;
import org.govkiosk.api.CaseView;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.api.LicenceIssue;
import org.govkiosk.api.TerminalStatusList;
import org.govkiosk.platform.staff.Role;
import org.govkiosk.platform.staff.StaffMember;
import org.govkiosk.platform.store.CaseStore;
import org.govkiosk.platform.store.LicenceStore;
import org.govkiosk.platform.store.TerminalStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The clerk's side: move cases on, attach certificates, make e-licence codes, see the terminals. */
public final class ClerkRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(ClerkRoutes.class);
    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};

    private final RouteSupport s;
    private final CaseStore cases;
    private final LicenceStore licences;
    private final TerminalStore terminals;

    public ClerkRoutes(RouteSupport support, CaseStore cases, LicenceStore licences, TerminalStore terminals) {
        this.s = support;
        this.cases = cases;
        this.licences = licences;
        this.terminals = terminals;
    }

    public void register(RouteTable app) {
        app.get(ApiPaths.CLERK_CASES, this::list);
        app.post(ApiPaths.CLERK_CASE_TRANSITIONS, this::transition);
        app.post(ApiPaths.CLERK_CASE_RETURN, this::returnCase);
        app.post(ApiPaths.CLERK_CASE_DEFERRED_RECEIVED, this::deferredReceived);
        app.put(ApiPaths.CLERK_CASE_CERTIFICATE, this::attachCertificate);
        app.post(ApiPaths.CLERK_CASE_JOINT_STEPS, this::jointStep);
        app.post(ApiPaths.CLERK_CASE_MAILING, this::mailing);
        app.post(ApiPaths.CLERK_LICENCES, this::issueLicence);
        app.get(ApiPaths.CLERK_TERMINALS, this::terminals);
    }

    private void list(Context ctx) {
        StaffMember who = s.auth().clerk(ctx);
        Optional<CaseState> state = Optional.ofNullable(ctx.queryParam("state")).map(v -> {
            try {
                return CaseState.valueOf(v);
            } catch (IllegalArgumentException e) {
                throw ApiException.client(400, ErrorCodes.INVALID_FIELD, "state must be one of "
                        + java.util.Arrays.toString(CaseState.values()));
            }
        });
        int limit = intParam(ctx, "limit", 100, 1, 500);
        String overdue = ctx.queryParam("deferralOverdue");
        if (overdue != null && !overdue.equals("true") && !overdue.equals("false")) {
            throw ApiException.client(400, ErrorCodes.INVALID_FIELD, "deferralOverdue must be true or false");
        }
        String training = ctx.queryParam("training");
        if (training != null && !training.equals("true") && !training.equals("false")) {
            throw ApiException.client(400, ErrorCodes.INVALID_FIELD, "training must be true or false");
        }
        boolean practice = "true".equals(training);
        // A person sees the cases of their halls only, filtered by the database on the case's hall (V11).
        java.util.Set<String> halls = StaffAuth.scope(who);
        if ("true".equals(overdue)) {
            // 电子监察 of 容缺: the cases whose deferred materials are past their deadline.
            Responses.json(ctx, 200, new CaseList(cases.list(state, practice, halls, Integer.MAX_VALUE, s.today())
                    .stream().filter(v -> v.deferral() != null && v.deferral().overdue()).limit(limit).toList()));
            return;
        }
        Responses.json(ctx, 200, new CaseList(cases.list(state, practice, halls, limit, s.today())));
    }

    /** A clerk (or hall administrator) acting on a case of their own halls; 404 for another hall's case. */
    private StaffMember caseWork(Context ctx) {
        StaffMember who = s.auth().clerk(ctx, StaffAuth.CASE_WORK);
        s.auth().staff().requireCase(ctx, who, ctx.pathParam("caseNumber"));
        return who;
    }

    private void transition(Context ctx) {
        StaffMember who = caseWork(ctx);
        s.bodies().requireJson(ctx);
        CaseTransition t = s.bodies().json(s.bodies().read(ctx, s.maxBodyBytes()), CaseTransition.class);
        String number = ctx.pathParam("caseNumber");
        StaffAuth.detail(ctx, "to " + t.to());
        // 出证 by a clerk is an issuance at a window, recorded with who issued it (the machine names nobody).
        CaseView view = t.to() == CaseState.CERTIFICATE_ISSUED
                ? cases.issueAtWindow(number, null, who.machine() ? null : who.signature(100),
                        org.govkiosk.api.IssuanceChannel.WINDOW, t.note(), s.clock().instant(), s.today())
                : cases.transition(number, t, s.clock().instant(), s.today());
        LOG.info("Case {} moved to {}", number, t.to());
        Responses.json(ctx, 200, view);
    }

    /** 退回件: the case goes back to the applicant with the department's reasons; who did it is logged and kept. */
    private void returnCase(Context ctx) {
        StaffMember who = caseWork(ctx);
        s.bodies().requireJson(ctx);
        CaseReturn given = s.bodies().json(s.bodies().read(ctx, s.maxBodyBytes()), CaseReturn.class);
        // Who returned it is the signed-in person, whatever the body says; only the machine token names someone.
        CaseReturn r = who.machine() ? given : new CaseReturn(given.department(), who.signature(100),
                given.reasons(), given.nextSteps());
        if (r.returnedBy() == null || r.returnedBy().isBlank()) {
            throw ApiException.client(400, ErrorCodes.INVALID_FIELD, "returnedBy: who returned the case is needed"
                    + " when the machine token calls");
        }
        StaffAuth.detail(ctx, "returned by " + r.returnedBy());
        String number = ctx.pathParam("caseNumber");
        CaseView view = cases.returnCase(number, r, s.clock().instant(), s.today());
        LOG.info("Case {} returned by {} of {} with {} reason(s)", number, r.returnedBy(), r.department(),
                r.reasons().size());
        Responses.json(ctx, 200, view);
    }

    /** 容缺: the deferred materials came in (at a window); the case's deferral is no longer outstanding. */
    private void deferredReceived(Context ctx) {
        caseWork(ctx);
        String number = ctx.pathParam("caseNumber");
        CaseView view = cases.deferredMaterialsReceived(number, s.clock().instant(), s.today());
        LOG.info("Deferred materials of case {} received", number);
        Responses.json(ctx, 200, view);
    }

    /** 联办件: a department records its step; the lead's agreement decides the case, a refusal returns it. */
    private void jointStep(Context ctx) {
        caseWork(ctx); // a clerk or hall administrator of the case's hall; the staff audit names the person
        s.bodies().requireJson(ctx);
        org.govkiosk.api.JointStepUpdate u = s.bodies().json(s.bodies().read(ctx, s.maxBodyBytes()),
                org.govkiosk.api.JointStepUpdate.class);
        String number = ctx.pathParam("caseNumber");
        CaseView view = cases.recordStep(number, u, s.clock().instant(), s.today());
        LOG.info("Case {}: {} recorded {} by {}", number, u.department(), u.state(), u.clerk());
        Responses.json(ctx, 200, view);
    }

    /** 证照特快专递: the result was mailed (with its tracking number), delivered or came back. */
    private void mailing(Context ctx) {
        caseWork(ctx);
        s.bodies().requireJson(ctx);
        org.govkiosk.api.MailingUpdate u = s.bodies().json(s.bodies().read(ctx, s.maxBodyBytes()),
                org.govkiosk.api.MailingUpdate.class);
        String number = ctx.pathParam("caseNumber");
        CaseView view = cases.updateMailing(number, u, s.clock().instant(), s.today());
        LOG.info("Case {}: mailing {} by {}", number, u.state(), u.clerk());
        Responses.json(ctx, 200, view);
    }

    private void attachCertificate(Context ctx) {
        caseWork(ctx);
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/pdf")) {
            throw ApiException.client(415, ErrorCodes.UNSUPPORTED_MEDIA_TYPE, "expected application/pdf");
        }
        byte[] pdf = s.bodies().read(ctx, s.maxCertificateBytes());
        if (pdf.length < PDF_MAGIC.length
                || !java.util.Arrays.equals(pdf, 0, PDF_MAGIC.length, PDF_MAGIC, 0, PDF_MAGIC.length)) {
            throw ApiException.client(400, ErrorCodes.INVALID_FIELD, "body is not a PDF (no %PDF- header)");
        }
        cases.attachCertificate(ctx.pathParam("caseNumber"), pdf, Bodies.sha256Hex(pdf), s.clock().instant());
        ctx.status(204);
    }

    private void issueLicence(Context ctx) {
        StaffMember who = s.auth().clerk(ctx, StaffAuth.CASE_WORK);
        // The code belongs to a hall: the one named (?hall=), else the person's only hall; the machine may name
        // none (a code of no hall verifies anywhere). Another hall's: 404, as for the reports.
        String hall = ctx.queryParam("hall");
        if (hall != null && !hall.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw ApiException.client(400, ErrorCodes.INVALID_FIELD, "hall is a hall code");
        }
        if (!who.machine()) {
            if (hall == null && who.halls().size() != 1) {
                throw ApiException.client(400, ErrorCodes.INVALID_FIELD, "hall: name one of your halls "
                        + who.halls());
            }
            hall = hall == null ? who.halls().first() : hall;
            StaffAuth.requireHall(who, hall, "hall");
        }
        s.bodies().requireJson(ctx);
        LicenceIssue issue = s.bodies().json(s.bodies().read(ctx, s.maxBodyBytes()), LicenceIssue.class);
        StaffAuth.detail(ctx, "e-licence code" + (hall == null ? " of no hall" : " of hall " + hall));
        Responses.json(ctx, 201, licences.issue(issue, hall, s.clock().instant()));
    }

    private void terminals(Context ctx) {
        StaffMember who = s.auth().clerk(ctx, Role.values());
        Responses.json(ctx, 200, new TerminalStatusList(terminals.all().stream().filter(t -> who.actsIn(t.hallCode()))
                .toList()));
    }

    private static int intParam(Context ctx, String name, int fallback, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // fall through to the error below
        }
        throw ApiException.client(400, ErrorCodes.INVALID_FIELD, name + " must be a number from " + min + " to " + max);
    }
}
