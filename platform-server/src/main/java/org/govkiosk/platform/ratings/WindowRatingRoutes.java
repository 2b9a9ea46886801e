package org.govkiosk.platform.ratings;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.api.PadErrorCodes;
import org.govkiosk.api.WindowRatingLink;
import org.govkiosk.platform.http.ApiException;
import org.govkiosk.platform.http.Responses;
import org.govkiosk.platform.http.RouteSupport;
import org.govkiosk.platform.http.RouteTable;
import org.govkiosk.print.model.Align;
import org.govkiosk.print.model.Block;
import org.govkiosk.print.model.Document;
import org.govkiosk.print.model.Medium;
import org.govkiosk.print.model.TextSize;
import org.govkiosk.print.model.TextStyle;
import org.govkiosk.print.pdf.CjkFont;
import org.govkiosk.print.pdf.FontLocator;
import org.govkiosk.print.pdf.FontNotFoundException;
import org.govkiosk.print.pdf.PdfRenderer;
import org.govkiosk.platform.http.PageLanguage;

/**
 * The window rating QR code: the pad fetches its window's link (the platform signs it; the terminal cannot make
 * one), a clerk prints the window's card for the counter, and a phone that scans either is led to the rating of the
 * window's latest contact not yet rated.
 */
final class WindowRatingRoutes {

    private final RouteSupport s;
    private final WindowRatingLinks links;
    private final WindowDepartments departments;

    WindowRatingRoutes(RouteSupport support, WindowRatingLinks links, WindowDepartments departments) {
        this.s = support;
        this.links = links;
        this.departments = departments;
    }

    void register(RouteTable routes) {
        routes.get(ApiPaths.PAD_RATING_LINK, this::padLink);
        routes.get(ApiPaths.RATE_WINDOW_PAGE, this::open);
        routes.get(ApiPaths.CLERK_RATING_WINDOW_CARD, this::card);
    }

    private void padLink(Context ctx) {
        String pad = s.signed(ctx, s.maxBodyBytes()).terminal();
        String[] window = links.padWindow(pad).orElseThrow(() -> ApiException.client(403,
                PadErrorCodes.PAD_NOT_REGISTERED, "terminal " + pad + " is not bound to a window; POST "
                        + ApiPaths.PADS + " first"));
        ctx.header("Cache-Control", "no-store");
        Responses.json(ctx, 200, links.link(window[0], window[1], WindowRatingLinks.PAD_VALIDITY,
                WindowRatingLinks.PAD_REFRESH));
    }

    private void open(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Robots-Tag", "noindex");
        ctx.header("Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'");
        ctx.contentType("text/html; charset=utf-8");
        String token = ctx.queryParam("t");
        PageLanguage lang = PageLanguage.choose(ctx.queryParam("lang"), ctx.header("Accept-Language"));
        Optional<WindowRatingLinks.Window> w = links.verify(token);
        if (w.isEmpty()) {
            ctx.status(400).result(PhoneRatingPage.refused(lang, ApiPaths.RATE_WINDOW_PAGE, token, "invalid"));
            return;
        }
        if (w.get().validUntil().isBefore(s.clock().instant())) {
            ctx.status(400).result(PhoneRatingPage.refused(lang, ApiPaths.RATE_WINDOW_PAGE, token, "stale"));
            return;
        }
        Optional<String> contact = links.currentContact(w.get());
        if (contact.isEmpty()) {
            ctx.status(200).result(PhoneRatingPage.refused(lang, ApiPaths.RATE_WINDOW_PAGE, token, "idle"));
            return;
        }
        ctx.status(303);
        ctx.header("Location", ApiPaths.RATE_PAGE + "?t=" + URLEncoder.encode(contact.get(), StandardCharsets.UTF_8)
                + (ctx.queryParam("lang") == null ? "" : "&lang=" + lang.param()));
    }

    private void card(Context ctx) {
        var who = s.auth().clerk(ctx);
        String hall = ctx.queryParam("hall");
        String window = ctx.queryParam("window");
        if (hall == null || !hall.matches("[A-Za-z0-9_.-]{1,64}") || window == null || window.isBlank()
                || window.length() > 64) {
            throw ApiException.client(400, ErrorCodes.INVALID_FIELD, "hall (a hall code) and window are required");
        }
        if (!who.machine()) {
            org.govkiosk.platform.http.StaffAuth.requireHall(who, hall, "hall");
        }
        String size = ctx.queryParam("size") == null ? "a4" : ctx.queryParam("size");
        if (!size.equals("a4")) {
            throw ApiException.client(400, ErrorCodes.INVALID_FIELD, "size must be a4");
        }
        CjkFont font;
        try {
            font = CjkFont.shared(FontLocator.of(Optional.empty()).named("window-card-font"));
        } catch (FontNotFoundException e) {
            throw new ApiException(503, ErrorCodes.STORAGE_UNAVAILABLE, "no CJK font to print the card with: "
                    + e.getMessage(), true);
        }
        WindowRatingLink link = links.link(hall, window, WindowRatingLinks.CARD_VALIDITY,
                WindowRatingLinks.CARD_VALIDITY);
        String department = departments.all().stream().filter(d -> d.hallCode().equals(hall)
                && d.windowId().equals(window)).map(d -> d.department()).findFirst().orElse(null);
        TextStyle centre = new TextStyle(Align.CENTER, TextSize.NORMAL, false);
        List<Block> blocks = new java.util.ArrayList<>(List.of(
                new Block.Heading("好差评 · 扫码评价", TextStyle.TITLE),
                new Block.Heading("Rate our service", new TextStyle(Align.CENTER, TextSize.NORMAL, true)),
                new Block.Spacer(1),
                new Block.Heading(window + " 号窗口" + (department == null ? "" : " · " + department),
                        new TextStyle(Align.CENTER, TextSize.LARGE, false)),
                new Block.Spacer(1),
                new Block.Qr(link.url(), 90, "微信、支付宝或手机相机扫码 / Scan with your phone's camera"),
                new Block.Spacer(1),
                new Block.Paragraph("办理完毕后请扫码，对本窗口本次服务作出评价：非常满意、满意、基本满意、不满意、非常不满意。"
                        + "可选择不公开评价。", centre),
                new Block.Paragraph("Once served, scan the code to rate this window's service. You may rate"
                        + " anonymously.", centre),
                new Block.Spacer(1),
                new Block.Paragraph("二维码有效期至 " + link.validUntil().atZone(s.zone()).toLocalDate()
                        + " / valid until then", centre)));
        byte[] pdf = new PdfRenderer(font).render(new Document("window-rating-card", "评价二维码 " + window,
                Medium.A4, blocks));
        ctx.header("Cache-Control", "no-store");
        ctx.header("Content-Disposition", "inline; filename=\"rating-card-" + window.replaceAll("[^A-Za-z0-9_.-]", "_")
                + ".pdf\"");
        ctx.contentType("application/pdf");
        ctx.status(200).result(pdf);
    }
}
