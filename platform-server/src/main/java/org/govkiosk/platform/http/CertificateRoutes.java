package org.govkiosk.platform.http;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.platform.certificates.IssuingBodies;
import org.govkiosk.platform.store.CertificateRegistry;
import org.govkiosk.print.verify.CertificatePayload;
import org.govkiosk.print.verify.VerificationResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Result documents after they left the platform: the public verification page a phone opens from a document's QR
 * code (有效 valid / 已撤销 revoked / 无法核验 unknown, with the item, the date, the masked holder and the issuing
 * body, nothing else; no login), the same as JSON, and the clerks' revocation. A code is valid when an issuing
 * body's key signed it, its case exists with that item and has a result document, and no clerk revoked it.
 */
public final class CertificateRoutes {

    /** Longer than any code (512 characters at most) and the link around it; longer is refused unread. */
    public static final int MAX_CODE_CHARS = 600;
    static final int MAX_REASON_CHARS = 500;
    private static final Logger LOG = LoggerFactory.getLogger(CertificateRoutes.class);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.ROOT);

    /** What a verification says, as the JSON variant answers it; fields other than status are null when unknown. */
    public record Verification(String status, String certificateNumber, String caseNumber, String itemCode,
                               String itemName, String completedOn, String holder, String issuingBody,
                               String revokedOn) {
    }

    /** The clerk's revocation request. */
    public record RevokeRequest(String reason) {
    }

    /** What a revocation answers. */
    public record Revoked(String caseNumber, String reason, String revokedAt) {
    }

    enum Status { VALID, REVOKED, UNKNOWN }

    private final RouteSupport s;
    private final IssuingBodies bodies;
    private final CertificateRegistry registry;
    private final ZoneId zone;

    public CertificateRoutes(RouteSupport support, IssuingBodies bodies, CertificateRegistry registry, ZoneId zone) {
        this.s = support;
        this.bodies = bodies;
        this.registry = registry;
        this.zone = zone;
    }

    public void register(RouteTable app) {
        app.get(ApiPaths.CERTIFICATE_VERIFY_PAGE, this::page);
        app.get(ApiPaths.CERTIFICATE_VERIFY, this::json);
        app.post(ApiPaths.CLERK_CERTIFICATE_REVOKE, this::revoke);
    }

    private void page(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Robots-Tag", "noindex");
        ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        ctx.contentType("text/html; charset=utf-8");
        Optional<String> problem = problemWith(ctx.queryParam("p"));
        if (problem.isPresent()) {
            ctx.status(400).result(VerificationPage.html(unknown(), problem.get()));
            return;
        }
        Verification v = verify(ctx.queryParam("p"));
        ctx.status(200).result(VerificationPage.html(v, null));
    }

    private void json(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        Optional<String> problem = problemWith(ctx.queryParam("p"));
        if (problem.isPresent()) {
            throw ApiException.client(400, ErrorCodes.INVALID_FIELD, problem.get());
        }
        Responses.json(ctx, 200, verify(ctx.queryParam("p")));
    }

    /** Why a code is refused unread: absent, too long, or not a certificate code at all; empty if it can be read. */
    private Optional<String> problemWith(String p) {
        if (p == null || p.isBlank()) {
            return Optional.of("p (the code of a result document) is missing");
        }
        if (p.length() > MAX_CODE_CHARS) {
            return Optional.of("p is longer than " + MAX_CODE_CHARS + " characters: not a certificate code");
        }
        VerificationResult r = bodies.verifier().verify(p);
        if (r instanceof VerificationResult.Invalid i && i.reason() == VerificationResult.Reason.MALFORMED) {
            return Optional.of("p is not a certificate code");
        }
        return Optional.empty();
    }

    private Verification verify(String p) {
        VerificationResult r = bodies.verifier().verify(p);
        if (!(r instanceof VerificationResult.Valid valid)) {
            return unknown(); // another key, or changed fields: nothing of it is shown
        }
        CertificatePayload payload = valid.payload();
        Optional<CertificateRegistry.Issued> issued = registry.issued(payload.caseNumber());
        if (issued.isEmpty() || !issued.get().hasCertificate()
                || !issued.get().itemCode().equals(payload.itemCode())) {
            return unknown(); // signed, but not by this platform's records (another database, a test key)
        }
        Optional<CertificateRegistry.Revocation> revocation = issued.get().revocation();
        return new Verification((revocation.isPresent() ? Status.REVOKED : Status.VALID).name(),
                payload.certificateNumber(), payload.caseNumber(), payload.itemCode(), issued.get().itemName(),
                payload.completedOn().toString(), payload.holderIdNumber().text(),
                bodies.byId(valid.keyId()).map(IssuingBodies.Body::name).orElse(valid.keyId()),
                revocation.map(x -> LocalDate.ofInstant(x.revokedAt(), zone).toString()).orElse(null));
    }

    private static Verification unknown() {
        return new Verification(Status.UNKNOWN.name(), null, null, null, null, null, null, null, null);
    }

    private void revoke(Context ctx) {
        org.govkiosk.platform.staff.StaffMember who = s.auth().clerk(ctx,
                org.govkiosk.platform.staff.Role.HALL_ADMIN, org.govkiosk.platform.staff.Role.SUPERVISOR);
        s.auth().staff().requireCase(ctx, who, ctx.pathParam("caseNumber"));
        s.bodies().requireJson(ctx);
        RevokeRequest request = s.bodies().json(s.bodies().read(ctx, s.maxBodyBytes()), RevokeRequest.class);
        String reason = request.reason() == null ? "" : request.reason().strip();
        if (reason.isEmpty() || reason.length() > MAX_REASON_CHARS) {
            throw ApiException.client(400, ErrorCodes.INVALID_FIELD, "reason must be 1 to " + MAX_REASON_CHARS
                    + " characters");
        }
        String number = ctx.pathParam("caseNumber");
        CertificateRegistry.Revocation r = registry.revoke(number, reason, s.clock().instant());
        LOG.info("Result document of case {} revoked", number);
        Responses.json(ctx, 200, new Revoked(r.caseNumber(), r.reason(), r.revokedAt().toString()));
    }

    /** The date as the page shows it: 2025年3月3日. */
    static String chineseDate(String isoDate) {
        return DATE.format(LocalDate.parse(isoDate));
    }
}
