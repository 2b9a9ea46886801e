package org.govkiosk.platform.desk;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import org.govkiosk.api.CaseReturn;
import org.govkiosk.api.CaseState;
import org.govkiosk.api.CaseTransition;
import org.govkiosk.api.CaseView;
import org.govkiosk.api.IssuanceChannel;
import org.govkiosk.api.LedgerActionKind;
import org.govkiosk.api.NonAcceptance;
import org.govkiosk.api.RatingLedgerAction;
import org.govkiosk.api.RatingLedgerEntry;
import org.govkiosk.api.RatingRequest;
import org.govkiosk.api.RatingRequestReceipt;
import org.govkiosk.platform.http.RouteSupport;
import org.govkiosk.platform.pads.RatingRequestService;
import org.govkiosk.platform.ratings.RatingLedger;
import org.govkiosk.platform.store.CaseStore;
import org.govkiosk.platform.store.NotFoundException;
import org.govkiosk.platform.store.StoreConflict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the desk's forms do, through the stores and services the clerk endpoints use ({@code ClerkRoutes},
 * {@code RatingLedgerRoutes}, the pads' rating requests): the form's fields checked first and refused in the
 * page's words, then the platform's own checks (its state machine, the ledger's rules), whose refusals the page
 * shows as they come. Who did it goes to the log and, where the platform keeps it, to the record (退回 returnedBy,
 * the ledger's by); never into a note the public sees.
 */
final class DeskActions {

    private static final Logger LOG = LoggerFactory.getLogger(DeskActions.class);

    /** A refusal for the page: the HTTP status and the words to show. */
    static final class Refused extends RuntimeException {
        private final int status;

        Refused(int status, String words) {
            super(words, null, false, false);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    /**
     * What was done; {@code reached}: pads reached by a rating request, -1 for other actions; {@code detail}: a few
     * words for the staff audit.
     */
    record Done(int reached, String detail) {
    }

    private final RouteSupport s;
    private final CaseStore cases;
    private final RatingLedger ledger;
    private final RatingRequestService ratingRequests;

    DeskActions(RouteSupport support, CaseStore cases, RatingLedger ledger, RatingRequestService ratingRequests) {
        this.s = support;
        this.cases = cases;
        this.ledger = ledger;
        this.ratingRequests = ratingRequests;
    }

    /** The ledger's entries whose rating's hall {@code inHall} accepts (the member's halls), at most 500. */
    List<RatingLedgerEntry> ledger(boolean overdueOnly, java.util.function.Predicate<String> inHall) {
        var accounts = s.auth().staff().accounts();
        return ledger.list(overdueOnly, Integer.MAX_VALUE).stream()
                .filter(e -> accounts.hallOfRating(e.ratingId()).filter(inHall).isPresent()).limit(500).toList();
    }

    Done onCase(DeskAuth.Clerk clerk, String number, String verb, DeskForm f, DeskText t,
            BiPredicate<DeskAction, String> may) {
        if (!DeskForms.VERBS.contains(verb)) {
            throw new Refused(404, t.get("err.unknownAction"));
        }
        String hall = cases.hallOf(number).orElseThrow(() -> new Refused(404, t.format("noSuchCase", number)));
        if (!may.test(DeskAction.VIEW, hall)) {
            // Another hall's case, as the API answers it: not found.
            throw new Refused(404, t.format("noSuchCase", number));
        }
        DeskAction action = action(verb);
        if (!may.test(action, hall)) {
            throw new Refused(403, t.get("err.forbidden"));
        }
        Instant now = s.clock().instant();
        LocalDate today = s.today();
        try {
            int reached = -1;
            String detail = verb;
            switch (verb) {
                case "accept" -> {
                    cases.transition(number, new CaseTransition(CaseState.ACCEPTED, null), now, today);
                    detail = "to " + CaseState.ACCEPTED;
                }
                case "supplement" -> {
                    List<String> materials = f.all("material").stream().filter(m -> !m.isBlank()).distinct().toList();
                    String note = f.text("note");
                    if (materials.isEmpty() && note == null) {
                        throw new Refused(400, t.get("err.pickMaterial"));
                    }
                    cases.transition(number, new CaseTransition(CaseState.NEEDS_SUPPLEMENT, note, materials), now,
                            today);
                    detail = "to " + CaseState.NEEDS_SUPPLEMENT + " " + materials;
                }
                case "review" -> {
                    cases.transition(number, new CaseTransition(CaseState.IN_REVIEW, null), now, today);
                    detail = "to " + CaseState.IN_REVIEW;
                }
                case "approve" -> {
                    confirmed(f, t);
                    cases.transition(number, new CaseTransition(CaseState.COMPLETED, f.text("note")), now, today);
                    detail = "to " + CaseState.COMPLETED;
                }
                case "refuse" -> {
                    required(f, t, "reason", "a.reason", "department", "a.department", "legalBasis", "a.legalBasis",
                            "reviewAuthority", "a.reviewAuthority", "court", "a.court");
                    confirmed(f, t);
                    cases.transition(number, CaseTransition.notAccepted(f.text("reason"), new NonAcceptance(
                            f.text("department"), f.text("legalBasis"), f.text("reviewAuthority"), f.text("court"),
                            f.text("noticeNumber"))), now, today);
                    detail = "to " + CaseState.NOT_ACCEPTED;
                }
                case "return" -> {
                    required(f, t, "department", "a.department", "reasons", "a.reasons");
                    confirmed(f, t);
                    List<String> reasons = new ArrayList<>();
                    for (String line : f.text("reasons").split("\\R")) {
                        if (!line.isBlank()) {
                            reasons.add(line.strip());
                        }
                    }
                    // Who returned it is the signed-in person, named as the API names them.
                    cases.returnCase(number, new CaseReturn(f.text("department"), clerk.signature(), reasons,
                            f.text("nextSteps")), now, today);
                    detail = "returned by " + clerk.signature();
                }
                case "deferred" -> {
                    confirmed(f, t);
                    cases.deferredMaterialsReceived(number, now, today);
                    detail = "deferred materials received";
                }
                case "certificate" -> {
                    byte[] pdf = f.file();
                    if (pdf == null || pdf.length < 5 || !new String(pdf, 0, 5, java.nio.charset.StandardCharsets
                            .US_ASCII).equals("%PDF-")) {
                        throw new Refused(400, t.get("err.notPdf"));
                    }
                    cases.attachCertificate(number, pdf, org.govkiosk.platform.http.Bodies.sha256Hex(pdf), now);
                    detail = "certificate attached, " + pdf.length + " bytes";
                }
                case "issue" -> {
                    confirmed(f, t);
                    IssuanceChannel channel = "EXPRESS_POST".equals(f.one("channel")) ? IssuanceChannel.EXPRESS_POST
                            : IssuanceChannel.WINDOW;
                    String where = clerk.window().isBlank() ? "" : "（" + clerk.window() + "）";
                    // The case moves and the issuance is recorded (this window, this clerk) in one transaction.
                    cases.issueAtWindow(number, clerk.window(), clerk.signature(), channel,
                            (channel == IssuanceChannel.WINDOW ? "综合出证窗口" : "邮寄") + where + " 出证", now, today);
                    detail = "to " + CaseState.CERTIFICATE_ISSUED + " " + channel;
                }
                case "rating" -> {
                    required(f, t, "window", "window", "sequence", "a.sequence");
                    CaseView v = cases.find(number, today).orElseThrow(
                            () -> new Refused(404, t.format("noSuchCase", number)));
                    RatingRequestReceipt r = ratingRequests.request(new RatingRequest(hall, f.text("window"), number,
                            f.text("sequence"), v.itemCode(), v.itemName(), clerk.member().login(),
                            clerk.name()));
                    reached = r.padsReached();
                    detail = "window " + f.text("window") + ", clerk " + clerk.member().login();
                }
                default -> throw new Refused(404, t.get("err.unknownAction"));
            }
            LOG.info("Desk: case {} {} by {}", number, verb, clerk.member().login());
            return new Done(reached, detail);
        } catch (StoreConflict e) {
            throw new Refused(409, t.format("err.conflict", e.getMessage()));
        } catch (NotFoundException e) {
            throw new Refused(404, t.format("err.notFound", e.getMessage()));
        } catch (IllegalArgumentException e) {
            throw new Refused(400, t.format("err.invalid", e.getMessage()));
        }
    }

    /** @return a few words for the staff audit */
    String onLedger(DeskAuth.Clerk clerk, DeskForm f, DeskText t) {
        LedgerActionKind kind;
        try {
            kind = LedgerActionKind.valueOf(String.valueOf(f.one("action")));
        } catch (IllegalArgumentException e) {
            throw new Refused(400, t.get("err.unknownAction"));
        }
        String id = f.text("ratingId");
        if (id == null) {
            throw new Refused(400, t.format("err.required", "ratingId"));
        }
        LocalDate newDeadline = null;
        switch (kind) {
            case ASSIGN -> {
                if (f.text("ownerDepartment") == null && f.text("ownerClerk") == null) {
                    throw new Refused(400, t.format("err.required", t.get("l.ownerDepartment") + " / "
                            + t.get("l.ownerClerk")));
                }
            }
            case CALL_BACK -> required(f, t, "citizenSaid", "l.citizenSaid");
            case EXTEND -> {
                required(f, t, "newDeadline", "l.newDeadline", "reason", "l.reason");
                try {
                    newDeadline = LocalDate.parse(f.text("newDeadline"));
                } catch (DateTimeParseException e) {
                    throw new Refused(400, t.format("err.invalid", t.get("l.newDeadline")));
                }
            }
            case CLOSE -> {
                required(f, t, "rectification", "l.rectification", "outcome", "l.outcomeField");
                confirmed(f, t);
            }
            default -> throw new Refused(400, t.get("err.unknownAction"));
        }
        try {
            // Who acted is the signed-in person, named as the API names them.
            String by = clerk.signature();
            ledger.act(new RatingLedgerAction(id, kind, by, f.text("ownerDepartment"), f.text("ownerClerk"), null,
                    f.text("citizenSaid"), f.text("reason"), newDeadline, f.text("rectification"), f.text("outcome")));
            LOG.info("Desk: ledger entry {} {} by {}", id, kind, clerk.member().login());
            return kind + " by " + by;
        } catch (StoreConflict e) {
            throw new Refused(409, t.format("err.conflict", e.getMessage()));
        } catch (NotFoundException e) {
            throw new Refused(404, t.format("err.notFound", e.getMessage()));
        } catch (IllegalArgumentException e) {
            throw new Refused(400, t.format("err.invalid", e.getMessage()));
        }
    }

    private static DeskAction action(String verb) {
        return switch (verb) {
            case "accept" -> DeskAction.ACCEPT;
            case "supplement" -> DeskAction.SUPPLEMENT;
            case "review" -> DeskAction.REVIEW;
            case "approve" -> DeskAction.APPROVE;
            case "refuse" -> DeskAction.REFUSE;
            case "return" -> DeskAction.RETURN;
            case "deferred" -> DeskAction.DEFERRED_RECEIVED;
            case "issue", "certificate" -> DeskAction.ISSUE;
            default -> DeskAction.RATING_REQUEST;
        };
    }

    /** Refuses (400) when a field is blank, naming every blank one; {@code pairs}: field, label key, ... */
    private static void required(DeskForm f, DeskText t, String... pairs) {
        List<String> blank = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (f.text(pairs[i]) == null) {
                blank.add(t.get(pairs[i + 1]));
            }
        }
        if (!blank.isEmpty()) {
            throw new Refused(400, t.format("err.required", String.join(t == DeskText.ZH ? "、" : ", ", blank)));
        }
    }

    private static void confirmed(DeskForm f, DeskText t) {
        if (!"yes".equals(f.one("confirm"))) {
            throw new Refused(400, t.get("err.confirm"));
        }
    }
}
