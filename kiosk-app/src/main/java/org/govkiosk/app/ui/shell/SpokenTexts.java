package org.govkiosk.app.ui.shell;

import org.govkiosk.app.ui.ScreenId;

/**
 * Which bundle text is spoken where: each citizen screen's prompt when it opens, and the spoken form of the screen
 * messages that read badly aloud. Written out key by key, so the bundle test sees every key in use.
 */
public final class SpokenTexts {

    private SpokenTexts() {
    }

    /** What is said when {@code screen} opens: what it is for and what to do; empty for screens not spoken. */
    public static String screenKey(ScreenId screen) {
        return switch (screen) {
            case HOME -> "voice.screen.home";
            case IDENTIFY -> "voice.screen.identify";
            case CATALOG -> "voice.screen.catalog";
            case GUIDE -> "voice.screen.guide";
            case APPLY_FORM -> "voice.screen.apply-form";
            case APPLY_MATERIALS -> "voice.screen.apply-materials";
            case APPLY_CONFIRM -> "voice.screen.apply-confirm";
            case PROGRESS -> "voice.screen.progress";
            case SUPPLEMENT -> "voice.screen.supplement";
            case RATE -> "voice.screen.rate";
            // The result screen's words are its outcome and paper, said as they come (KioskUi).
            case APPLY_RESULT, ATTRACT, MAINTENANCE_PIN, MAINTENANCE, PAD -> "";
        };
    }

    /**
     * The key whose text is spoken for the screen message {@code key}: a spoken form where the written one is not
     * right for the ear (papers out, a card that cannot be read, no printer, no network), else the message itself.
     */
    public static String spokenKey(String key) {
        return switch (key) {
            case "identify.card-rejected" -> "voice.error.card-unreadable";
            case "apply.result.printed.receipt", "apply.result.printed.slip", "apply.result.printed.notification",
                    "supplement.printed.slip", "progress.refusal.printed", "journey.certificate.printed" ->
                    "voice.take-papers";
            case "apply.result.print-failed", "print.failed.printer", "print.failed.no-printer",
                    "journey.certificate.failed" -> "voice.error.printer";
            case "apply.result.queued", "apply.result.supplement-queued", "supplement.result.queued" ->
                    "voice.error.platform-queued";
            case "progress.unavailable", "identify.licence.unavailable", "journey.certificate.unavailable" ->
                    "voice.error.platform";
            default -> key;
        };
    }
}
