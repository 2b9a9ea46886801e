package org.govkiosk.app.ui.guide;

import java.util.concurrent.CompletionStage;

/** Prints a guide on the terminal's printer. The terminal wires it to its document or receipt printer. */
@FunctionalInterface
public interface GuidePrinter {

    /**
     * Starts printing and returns at once (printing is slow and must not hold the screen); the stage completes
     * when the paper is out and fails when it cannot be printed.
     */
    CompletionStage<?> print(PrintableGuide guide);
}
