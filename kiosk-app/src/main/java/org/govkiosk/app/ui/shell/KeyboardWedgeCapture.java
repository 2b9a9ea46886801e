package org.govkiosk.app.ui.shell;

import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.govkiosk.device.KeyboardWedgeScanner;
import org.govkiosk.device.wedge.KeyBurstDetector;

/**
 * Watches the terminal's keyboard for a keyboard-wedge scanner: a fast burst of keys ended by Enter is a code,
 * handed to the scanner (which publishes it like any scan); anything slower is a person typing and passes
 * untouched. A burst's characters already reached a focused text field before they could be recognised, so they
 * are taken out of it again, and the Enter that ends a code is consumed. Without a wedge scanner configured,
 * nothing is watched.
 */
public final class KeyboardWedgeCapture {

    private final KeyboardWedgeScanner scanner;
    private final KeyBurstDetector detector;
    private final LongSupplier nanoTime;
    private TextInputControl burstTarget;
    private int burstStart = -1;

    KeyboardWedgeCapture(KeyboardWedgeScanner scanner, LongSupplier nanoTime) {
        this.scanner = scanner;
        this.detector = scanner.newDetector();
        this.nanoTime = nanoTime;
    }

    /** Installs the capture for the first wedge scanner, if the terminal has one. */
    public static Optional<KeyboardWedgeCapture> install(Scene scene, List<KeyboardWedgeScanner> scanners) {
        if (scanners.isEmpty()) {
            return Optional.empty();
        }
        KeyboardWedgeCapture capture = new KeyboardWedgeCapture(scanners.get(0), System::nanoTime);
        scene.addEventFilter(KeyEvent.KEY_TYPED, e -> capture.typed(e, scene.getFocusOwner()));
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> capture.pressed(e));
        return Optional.of(capture);
    }

    void typed(KeyEvent e, Node focus) {
        String chars = e.getCharacter();
        if (chars == null || chars.isEmpty() || KeyEvent.CHAR_UNDEFINED.equals(chars)) {
            return;
        }
        for (char c : chars.toCharArray()) {
            if (c == '\r' || c == '\n') {
                continue; // Enter is taken from KEY_PRESSED: platforms differ on whether it is also "typed"
            }
            detector.feed(c, nanoTime.getAsLong());
            if (detector.pendingLength() == 1) {
                // This key starts a burst; the field has not received it yet (filters run first).
                rememberTarget(focus);
            }
        }
    }

    private void rememberTarget(Node focus) {
        if (focus instanceof TextInputControl field && field.isEditable()) {
            burstTarget = field;
            burstStart = field.getCaretPosition();
        } else {
            burstTarget = null;
            burstStart = -1;
        }
    }

    void pressed(KeyEvent e) {
        KeyCode code = e.getCode();
        if (code == KeyCode.ENTER) {
            Optional<String> scanned = detector.feed('\r', nanoTime.getAsLong());
            if (scanned.isPresent()) {
                e.consume();
                takeBackFrom(burstTarget, scanned.get());
                scanner.scanned(scanned.get());
            }
            burstTarget = null;
        } else if (code == KeyCode.BACK_SPACE || code == KeyCode.DELETE || code == KeyCode.TAB
                || code == KeyCode.ESCAPE) {
            detector.feed('\b', nanoTime.getAsLong());
            burstTarget = null;
        }
    }

    /** Removes the code from the field it was typed into, if it is there where it was typed. */
    private void takeBackFrom(TextInputControl field, String code) {
        if (field == null || burstStart < 0) {
            return;
        }
        String text = field.getText() == null ? "" : field.getText();
        int end = burstStart + code.length();
        if (end <= text.length() && text.substring(burstStart, end).equals(code)) {
            field.deleteText(burstStart, end);
        } else if (text.endsWith(code)) {
            field.deleteText(text.length() - code.length(), text.length());
        }
    }
}
