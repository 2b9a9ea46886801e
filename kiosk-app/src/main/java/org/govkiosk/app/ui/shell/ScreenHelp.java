package org.govkiosk.app.ui.shell;

import org.govkiosk.app.ui.ScreenId;

/**
 * The help text of each citizen screen, by bundle key. Keys are spelled out here (not built from the enum) so the
 * bundle test sees every one in use; a screen without its own text gets the general help.
 */
public final class ScreenHelp {

    static final String GENERAL = "help.general";

    private ScreenHelp() {
    }

    public static String key(ScreenId screen) {
        if (screen == null) {
            return GENERAL;
        }
        return switch (screen) {
            case HOME -> "help.home";
            case IDENTIFY -> "help.identify";
            case CATALOG -> "help.catalog";
            case GUIDE -> "help.guide";
            case APPLY_FORM -> "help.apply-form";
            case APPLY_MATERIALS -> "help.apply-materials";
            case APPLY_CONFIRM -> "help.apply-confirm";
            case APPLY_RESULT -> "help.apply-result";
            case PROGRESS -> "help.progress";
            case SUPPLEMENT -> "help.supplement";
            case RATE -> "help.rate";
            default -> GENERAL;
        };
    }
}
