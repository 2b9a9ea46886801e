package org.govkiosk.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The paths of the terminal-platform API, so that client and server cannot drift apart. Templates use
 * {@code {name}} placeholders as in the OpenAPI document; the static methods fill them in, percent-encoded.
 */
public final class ApiPaths {

    public static final String BASE = "/api/v1";

    /** GET, unsigned: liveness and storage check. */
    public static final String HEALTH = BASE + "/health";
    /** POST, unsigned but needs the enrolment token: register a terminal's public key. */
    public static final String TERMINALS = BASE + "/terminals";
    /** POST, signed: device status of the terminal. */
    public static final String HEARTBEATS = BASE + "/heartbeats";
    /** POST, signed: submit a case (idempotent by its key). */
    public static final String CASES = BASE + "/cases";
    /** GET, signed: one case by its number. */
    public static final String CASE = BASE + "/cases/{caseNumber}";
    /** POST, signed: cases of one applicant (the ID number travels in the body, never in a URL). */
    public static final String CASE_SEARCH = BASE + "/cases/search";
    /**
     * GET, public (no login; not under {@link #BASE}: the link in a result document's QR code, short for the
     * phone that scans it): the verification page of a result document, in Chinese and English, {@code ?p=CODE}.
     */
    public static final String CERTIFICATE_VERIFY_PAGE = "/verify";
    /** GET, public: the same verification as JSON, for machines, {@code ?p=CODE}. */
    public static final String CERTIFICATE_VERIFY = BASE + "/certificates/verify";
    /** POST, clerk: revoke a case's result document, with a reason; its verification page says revoked. */
    public static final String CLERK_CERTIFICATE_REVOKE = BASE + "/clerk/certificates/{caseNumber}/revoke";
    /**
     * POST, signed, with a {@link HolderIdentity}: the certificate PDF of a finished case, only for the case's
     * applicant (403 not-the-applicant otherwise), as a terminal fetches it to print (自助出证). There is no GET: a
     * case number (a receipt) alone gets nobody the certificate.
     */
    public static final String CASE_CERTIFICATE = BASE + "/cases/{caseNumber}/certificate";
    /** POST, signed: materials handed in for a case waiting for them (补正), idempotent by its key. */
    public static final String CASE_SUPPLEMENTS = BASE + "/cases/{caseNumber}/supplements";
    /** POST, signed: a finished case's certificate was handed out (出证), idempotent by its key. */
    public static final String CASE_ISSUANCES = BASE + "/cases/{caseNumber}/issuances";
    /** POST, signed: a 好差评 rating (idempotent by its key). */
    public static final String RATINGS = BASE + "/ratings";
    /** POST, signed: verify a scanned e-licence code (扫码亮证). */
    public static final String LICENCE_VERIFICATIONS = BASE + "/licences/verify";

    /** Clerk side (bearer token), for the reference platform and the demo. */
    public static final String CLERK_CASES = BASE + "/clerk/cases";
    public static final String CLERK_CASE_TRANSITIONS = BASE + "/clerk/cases/{caseNumber}/transitions";
    public static final String CLERK_CASE_CERTIFICATE = BASE + "/clerk/cases/{caseNumber}/certificate";
    /** POST, clerk: return a case (退回件) with its reasons in writing ({@link CaseReturn}); recorded with who did it. */
    public static final String CLERK_CASE_RETURN = BASE + "/clerk/cases/{caseNumber}/return";
    /** POST, clerk: the materials a case deferred under its 容缺 commitment came in; its deferral is settled. */
    public static final String CLERK_CASE_DEFERRED_RECEIVED = BASE + "/clerk/cases/{caseNumber}/deferred-materials-received";
    /** POST, clerk: one department records its step of a joint case (联办件, {@link JointStepUpdate}). */
    public static final String CLERK_CASE_JOINT_STEPS = BASE + "/clerk/cases/{caseNumber}/joint-steps";
    /** POST, clerk: the mailing of a case's result moves on (证照特快专递, {@link MailingUpdate}). */
    public static final String CLERK_CASE_MAILING = BASE + "/clerk/cases/{caseNumber}/mailing";
    public static final String CLERK_LICENCES = BASE + "/clerk/licences";
    public static final String CLERK_TERMINALS = BASE + "/clerk/terminals";

    /** POST, signed: a rating pad binds itself to its window. */
    public static final String PADS = BASE + "/pads";
    /** GET, signed, text/event-stream: the pad's rating requests (see {@link PadEvents}). */
    public static final String PAD_EVENTS = BASE + "/pads/events";
    /** POST, clerk: the window business system asks the window's pad(s) for a rating. */
    public static final String CLERK_RATING_REQUESTS = BASE + "/clerk/rating-requests";
    /** GET, clerk: bad ratings as a work list with their follow-up. */
    public static final String CLERK_BAD_RATINGS = BASE + "/clerk/ratings/bad";
    /** POST, clerk: record the follow-up of a bad rating. */
    public static final String CLERK_RATING_FOLLOW_UPS = BASE + "/clerk/ratings/follow-ups";
    /** GET, clerk: ratings in the national field set, for forwarding to the provincial system. */
    public static final String CLERK_NATIONAL_RATINGS = BASE + "/clerk/ratings/national";
    /** GET, clerk: counts per level for a period, the ratings citizens gave apart from the defaults (默认好评). */
    public static final String CLERK_RATING_SUMMARY = BASE + "/clerk/ratings/summary";

    /** 回访整改台账: the ledger of bad ratings (GET, ?overdue=true) and its actions (POST a {@code RatingLedgerAction}). */
    public static final String CLERK_RATING_LEDGER = BASE + "/clerk/ratings/ledger";

    /** 回访整改率 and on-time rate of a period, per department. */
    public static final String CLERK_RATING_LEDGER_RATES = BASE + "/clerk/ratings/ledger/rates";
    /** Upward deliveries to the provincial 好差评 system given up (dead letters), with the count. */
    public static final String CLERK_PROVINCE_DEAD_LETTERS = BASE + "/clerk/province/dead-letters";
    /** Queues dead letters again: one ({@code entryId}) or all. */
    public static final String CLERK_PROVINCE_REQUEUE = BASE + "/clerk/province/dead-letters/requeue";

    /** 申诉复核: GET the appeals (?state=), POST a {@code RatingAppealFiling} against a bad rating. */
    public static final String CLERK_RATING_APPEALS = BASE + "/clerk/ratings/appeals";
    /** POST, clerk: a reviewer (not the filer) upholds or rejects an open appeal ({@code RatingAppealDecision}). */
    public static final String CLERK_RATING_APPEAL_DECISION = BASE + "/clerk/ratings/appeals/{appealId}/decision";
    /** GET, clerk: one image of an appeal's evidence, numbered from 1. */
    public static final String CLERK_RATING_APPEAL_EVIDENCE = BASE + "/clerk/ratings/appeals/{appealId}/evidence/{number}";
    /** GET, clerk: ratings of a period per department, window, clerk, item or channel, as JSON, CSV or a page. */
    public static final String CLERK_RATING_REPORTS = BASE + "/clerk/ratings/reports";
    /** GET and PUT, clerk: the window → department map the ledger and the reports count by. */
    public static final String CLERK_RATING_WINDOWS = BASE + "/clerk/ratings/windows";
    /** PUT, clerk: what a hall's published rating page shows ({@code RatingPublication}). */
    public static final String CLERK_RATING_PUBLICATION = BASE + "/clerk/ratings/publication";
    /** GET, signed: the pad's window rating link (评价二维码 of its idle screen), signed by the platform. */
    public static final String PAD_RATING_LINK = BASE + "/pads/rating-link";
    /** GET, clerk: a window's printable rating card (A4 or A5 PDF with the QR code), {@code ?hall=&window=&size=}. */
    public static final String CLERK_RATING_WINDOW_CARD = BASE + "/clerk/ratings/window-card";
    /**
     * GET, public (no login; short, for a QR code): the window rating QR code's link, {@code ?t=TOKEN} naming a
     * hall's window: leads to the rating of the window's latest contact not yet rated.
     */
    public static final String RATE_WINDOW_PAGE = "/rate/w";
    /** GET, public (no login): a hall's published rating results, no personal data, {@code ?hall=&month=}. */
    public static final String RATINGS_PUBLISHED_PAGE = "/ratings/published";

    /** POST, unsigned: a staff member signs in with login and password; answers a bearer session token. */
    public static final String STAFF_SESSIONS = BASE + "/staff/sessions";
    /** POST, staff session: signs out (ends the session on every instance). */
    public static final String STAFF_SESSION_END = BASE + "/staff/sessions/end";
    /** GET, staff session: who is signed in, with role and halls. */
    public static final String STAFF_ME = BASE + "/staff/me";
    /** GET, POST, hall administrator: the accounts of the administrator's halls; create one. */
    public static final String STAFF_ACCOUNTS = BASE + "/staff/accounts";
    /** POST, hall administrator: change an account (name, role, halls, disabled, password). */
    public static final String STAFF_ACCOUNT = BASE + "/staff/accounts/{login}";
    /** GET, hall administrator or supervisor: the newest staff actions of the caller's halls. */
    public static final String STAFF_AUDIT = BASE + "/staff/audit";
    /**
     * GET and POST, public (no login; short, for a QR code): the phone rating page of one contact, {@code ?t=TOKEN}
     * where the platform signed the token (case, contact, window or item, last day); a form posts back to it.
     */
    public static final String RATE_PAGE = "/rate";

    private ApiPaths() {
    }

    public static String caseByNumber(String caseNumber) {
        return CASE.replace("{caseNumber}", encode(caseNumber));
    }

    public static String clerkCertificateRevoke(String caseNumber) {
        return CLERK_CERTIFICATE_REVOKE.replace("{caseNumber}", encode(caseNumber));
    }

    public static String caseCertificate(String caseNumber) {
        return CASE_CERTIFICATE.replace("{caseNumber}", encode(caseNumber));
    }

    public static String caseSupplements(String caseNumber) {
        return CASE_SUPPLEMENTS.replace("{caseNumber}", encode(caseNumber));
    }

    public static String caseIssuances(String caseNumber) {
        return CASE_ISSUANCES.replace("{caseNumber}", encode(caseNumber));
    }

    public static String clerkCaseTransitions(String caseNumber) {
        return CLERK_CASE_TRANSITIONS.replace("{caseNumber}", encode(caseNumber));
    }

    public static String clerkCaseDeferredReceived(String caseNumber) {
        return CLERK_CASE_DEFERRED_RECEIVED.replace("{caseNumber}", encode(caseNumber));
    }

    public static String clerkCaseReturn(String caseNumber) {
        return CLERK_CASE_RETURN.replace("{caseNumber}", encode(caseNumber));
    }

    public static String clerkRatingAppealDecision(String appealId) {
        return CLERK_RATING_APPEAL_DECISION.replace("{appealId}", encode(appealId));
    }

    public static String clerkRatingAppealEvidence(String appealId, int number) {
        return CLERK_RATING_APPEAL_EVIDENCE.replace("{appealId}", encode(appealId)).replace("{number}",
                Integer.toString(number));
    }

    public static String staffAccount(String login) {
        return STAFF_ACCOUNT.replace("{login}", encode(login));
    }

    public static String clerkCaseJointSteps(String caseNumber) {
        return CLERK_CASE_JOINT_STEPS.replace("{caseNumber}", encode(caseNumber));
    }

    public static String clerkCaseMailing(String caseNumber) {
        return CLERK_CASE_MAILING.replace("{caseNumber}", encode(caseNumber));
    }

    public static String clerkCaseCertificate(String caseNumber) {
        return CLERK_CASE_CERTIFICATE.replace("{caseNumber}", encode(caseNumber));
    }

    /** Percent-encodes one path segment (a space becomes %20, not +). */
    public static String encode(String segment) {
        if (segment == null || segment.isEmpty()) {
            throw new IllegalArgumentException("path segment must not be empty");
        }
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
