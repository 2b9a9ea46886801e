package org.govkiosk.platform.desk;

import io.javalin.http.Context;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.govkiosk.platform.http.StaffAuth;
import org.govkiosk.platform.staff.Role;
import org.govkiosk.platform.staff.StaffMember;

/**
 * The desk's one seam of sign-in, over the staff accounts ({@link StaffAuth}): {@link #who} is the staff member
 * signed in with their own account (the session cookie of {@code /staff/login}, or a bearer session token; never
 * the shared machine token: this is a person's page), {@link #may} whether their role allows an action and the hall
 * is one of theirs, {@link #csrfMatches} compares a form's token with their session's in constant time.
 *
 * <p>The clerk's window (for asking the window's pad for a rating, and for the page's header) is not a security
 * decision: the clerk sets it on the desk ({@code POST /desk/window}) and it lives in a desk cookie
 * ({@value #WINDOW_COOKIE}, HttpOnly, SameSite=Strict, Path=/desk); a rating request is still checked against the
 * member's halls.
 */
final class DeskAuth {

    static final String WINDOW_COOKIE = "govkiosk_desk_window";
    /** A window's id, as a pad registers it: short words (W-03, 3号窗口). */
    static final int MAX_WINDOW = 32;
    /** Who records of who did what name (退回 returnedBy, the ledger's by, the pad's clerk): as the API does. */
    static final int MAX_SIGNATURE = 64;

    /** Roles that may open the desk and see their halls' queue and cases. */
    static final Role[] VIEW = {Role.CLERK, Role.HALL_ADMIN, Role.SUPERVISOR};
    /** Roles of the bad-rating ledger, as {@code RatingLedgerRoutes} allows it ({@code Auth.clerk}). */
    static final Role[] LEDGER = {Role.CLERK, Role.SUPERVISOR, Role.HALL_ADMIN};

    /** Who is at the desk: the staff member, the window they set on the desk (blank: none). */
    record Clerk(StaffMember member, String window) {

        /** The person's name as the page shows it. */
        String name() {
            return member.name();
        }

        /** How records of who did what name them: 张三 (zhangsan). */
        String signature() {
            return member.signature(MAX_SIGNATURE);
        }
    }

    private final StaffAuth staff;

    DeskAuth(StaffAuth staff) {
        this.staff = staff;
    }

    StaffAuth staff() {
        return staff;
    }

    /**
     * The signed-in staff member of the request (a person, not the machine token), with the window of the desk
     * cookie.
     *
     * @throws org.govkiosk.platform.http.ApiException 429 while the client is locked out
     */
    Optional<Clerk> who(Context ctx) {
        return staff.current(ctx).filter(m -> !m.machine()).map(m -> new Clerk(m, window(ctx)));
    }

    /** Whether {@code clerk}'s role lets them open the desk at all (a technician's does not). */
    boolean mayOpen(Clerk clerk) {
        return clerk != null && clerk.member().hasRole(VIEW);
    }

    /**
     * Whether {@code clerk} may do {@code action} in {@code hallCode}: their role allows it, and the hall is one of
     * theirs. The ledger's entries are checked hall by hall ({@code hallCode} null: may they see the ledger at all).
     */
    boolean may(Clerk clerk, DeskAction action, String hallCode) {
        if (clerk == null || clerk.member().machine()) {
            return false;
        }
        Role[] roles = switch (action) {
            case VIEW -> VIEW;
            case LEDGER -> LEDGER;
            default -> StaffAuth.CASE_WORK;
        };
        if (!clerk.member().hasRole(roles)) {
            return false;
        }
        return hallCode == null ? action == DeskAction.LEDGER : clerk.member().actsIn(hallCode);
    }

    /** The form token of the clerk's staff session: every POST of the desk carries it (a cross-site form cannot). */
    String csrf(Context ctx) {
        return staff.csrfToken(ctx).orElse("");
    }

    boolean csrfMatches(Context ctx, String given) {
        Optional<String> expected = staff.csrfToken(ctx);
        return given != null && expected.isPresent() && !expected.get().isEmpty() && MessageDigest.isEqual(
                expected.get().getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    /** The window of the desk cookie; blank when none or malformed. */
    static String window(Context ctx) {
        String raw = ctx.cookie(WINDOW_COOKIE);
        if (raw == null || raw.isEmpty() || raw.length() > MAX_WINDOW * 9) {
            return "";
        }
        try {
            String w = URLDecoder.decode(raw, StandardCharsets.UTF_8);
            return validWindow(w) ? w : "";
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** A window as the desk keeps it: at most {@value #MAX_WINDOW} characters, no control characters, no blanks. */
    static boolean validWindow(String w) {
        return w != null && w.length() <= MAX_WINDOW && w.strip().equals(w)
                && w.codePoints().noneMatch(c -> Character.isISOControl(c) || c == ';' || c == ',' || c == '"');
    }

    /**
     * Keeps {@code window} (blank: forgets it) in the desk cookie; Secure as the staff session cookie is: whenever the
     * request came over TLS or from another machine than this one.
     */
    static void setWindow(Context ctx, String window) {
        boolean forget = window.isEmpty();
        boolean secure = ctx.req().isSecure() || !org.govkiosk.api.LoopbackHost.is(ctx.req().getRemoteAddr());
        ctx.header("Set-Cookie", WINDOW_COOKIE + "=" + (forget ? "" : URLEncoder.encode(window,
                StandardCharsets.UTF_8)) + "; Path=" + DeskRoutes.PAGE + "; Max-Age=" + (forget ? 0 : 60L * 60 * 24
                * 366) + "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : ""));
    }
}
