package org.govkiosk.app.ui.shell;

import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.app.session.SessionManager;
import org.govkiosk.app.session.SessionScoped;
import org.govkiosk.app.ui.ScreenId;
import org.govkiosk.app.voice.SpeechSink;
import org.govkiosk.app.voice.Utterance;

/**
 * Voice guidance (语音播报) for citizens who cannot read the screen well: each screen's prompt when it opens, the
 * messages a citizen meets (a card that cannot be read, no paper, no network), the idle warning, and the reminder to
 * take card and papers at the end; in large type also the control the focus moves to ("read the screen"). Every
 * word comes from the bundles, in the citizen's language; each citizen turns it on or off and sets its volume, and
 * both go back to the terminal's settings when they leave.
 */
public final class VoiceViewModel implements SessionScoped {

    /** The citizen's volume steps, in percent. */
    public static final List<Integer> VOLUMES = List.of(40, 70, 100);

    private final SpeechSink speech;
    private final I18n i18n;
    private final SessionManager sessions;
    private final boolean defaultEnabled;
    private final int defaultVolume;
    private final BooleanProperty enabled;
    private final IntegerProperty volume;
    private final BooleanProperty largeType = new SimpleBooleanProperty(false);
    private final BooleanBinding readScreen;
    /** The language the citizen used, for the farewell said after their session (and its language) ended. */
    private Locale citizenLocale;
    private boolean speakFarewell;
    private int volumeAtEnd;
    private javafx.beans.value.ObservableValue<ScreenId> screen = new SimpleObjectProperty<>();

    /**
     * @param defaultEnabled whether each session starts speaking (terminal.yaml's voice.enabled)
     * @param defaultVolume  the level each session starts at, 0 to 100 (voice.volume)
     */
    public VoiceViewModel(SpeechSink speech, I18n i18n, SessionManager sessions, boolean defaultEnabled,
            int defaultVolume) {
        this.speech = speech;
        this.i18n = i18n;
        this.sessions = sessions;
        this.defaultEnabled = defaultEnabled;
        this.defaultVolume = nearestStep(defaultVolume);
        this.enabled = new SimpleBooleanProperty(defaultEnabled);
        this.volume = new SimpleIntegerProperty(this.defaultVolume);
        this.readScreen = enabled.and(largeType);
        i18n.localeProperty().addListener((obs, was, now) -> {
            if (sessions.state() != SessionManager.State.IDLE) {
                citizenLocale = now;
            }
        });
        SessionFx.property(sessions.stateProperty()).addListener((obs, was, now) -> {
            if (now == SessionManager.State.WARNING && was != SessionManager.State.WARNING) {
                say("voice.idle-warning", sessions.secondsLeftProperty().get());
            }
        });
        sessions.onEnd(reason -> {
            if (speakFarewell && reason != SessionManager.EndReason.MAINTENANCE) {
                speech.speak(new Utterance(I18n.format(citizenLocale, "voice.farewell"), I18n.horizontal(citizenLocale),
                        volumeAtEnd));
            }
            speakFarewell = false;
            citizenLocale = null;
        });
    }

    private static int nearestStep(int percent) {
        int best = VOLUMES.get(0);
        for (int step : VOLUMES) {
            if (Math.abs(step - percent) < Math.abs(best - percent)) {
                best = step;
            }
        }
        return best;
    }

    /** Speaks each screen's prompt as {@code current} moves to it. */
    public void followScreens(javafx.beans.value.ObservableValue<ScreenId> current) {
        screen = current;
        current.addListener((obs, was, now) -> screenShown(now));
    }

    /** Large type is on: with speech on, the focused control is read out (read the screen). */
    public void followLargeType(ObservableBooleanValue on) {
        largeType.bind(on);
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    /** The volume in percent, one of {@link #VOLUMES}. */
    public IntegerProperty volumeProperty() {
        return volume;
    }

    /** Whether moving the focus speaks the focused control (speech on, in large type). */
    public BooleanBinding readScreenProperty() {
        return readScreen;
    }

    /** The toggle's text: what pressing it does. */
    public StringBinding toggleText() {
        return Bindings.createStringBinding(() -> i18n.text(enabled.get() ? "voice.turn-off" : "voice.turn-on"),
                enabled, i18n.localeProperty());
    }

    /** The volume button's text, e.g. 音量：中. */
    public StringBinding volumeText() {
        return Bindings.createStringBinding(() -> i18n.text("voice.volume", i18n.text(volumeKey(volume.get()))),
                volume, i18n.localeProperty());
    }

    private static String volumeKey(int percent) {
        return percent <= VOLUMES.get(0) ? "voice.volume.low"
                : percent >= VOLUMES.get(VOLUMES.size() - 1) ? "voice.volume.high" : "voice.volume.medium";
    }

    /** Turns speech on (it says so, then what the screen is for) or off (silent at once). */
    public void toggle() {
        enabled.set(!enabled.get());
        if (enabled.get()) {
            ScreenId here = screen.getValue();
            String prompt = here == null ? "" : SpokenTexts.screenKey(here);
            speakNow(i18n.text("voice.turned-on") + (prompt.isEmpty() ? "" : " " + i18n.text(prompt)));
        } else {
            speech.silence();
        }
    }

    /** The next volume step, said at its level so the citizen hears it. */
    public void nextVolume() {
        int i = VOLUMES.indexOf(volume.get());
        volume.set(VOLUMES.get((i + 1) % VOLUMES.size()));
        if (enabled.get()) {
            speakNow(volumeText().get());
        }
    }

    /** A screen opened: its prompt (请放置身份证 on the identification screen, the step of an application). */
    public void screenShown(ScreenId screen) {
        if (screen != null) {
            String key = SpokenTexts.screenKey(screen);
            if (!key.isEmpty()) {
                say(key);
            }
        }
    }

    /** A message the screen shows (an error, papers printed): its spoken form. An empty key says nothing. */
    public void message(String key) {
        if (key != null && !key.isEmpty()) {
            say(SpokenTexts.spokenKey(key));
        }
    }

    /** Several messages at once, said one after the other (an application's outcome and its paper). */
    public void messages(String... keys) {
        if (!enabled.get()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        for (String key : keys) {
            if (key != null && !key.isEmpty()) {
                text.append(text.length() == 0 ? "" : " ").append(i18n.text(SpokenTexts.spokenKey(key)));
            }
        }
        speakNow(text.toString());
    }

    /** The focus moved to a control showing {@code text}: read it out in read-the-screen mode. */
    public void focusMoved(String text) {
        if (readScreen.get() && text != null && !text.isBlank()) {
            speakNow(text);
        }
    }

    private void say(String key, Object... args) {
        if (enabled.get()) {
            speakNow(i18n.text(key, args));
        }
    }

    private void speakNow(String text) {
        if (sessions.state() != SessionManager.State.IDLE) {
            citizenLocale = i18n.locale();
        }
        // On a bilingual Mongolian screen the Chinese half is said, in Mandarin: espeak-ng has no Mongolian voice.
        speech.speak(new Utterance(text, I18n.horizontal(i18n.locale()), volume.get()));
    }

    @Override
    public void clearSessionData() {
        speech.silence();
        // The farewell is said after the session's data (and language) are gone: remember whether and how.
        speakFarewell = enabled.get();
        volumeAtEnd = volume.get();
        if (citizenLocale == null) {
            citizenLocale = i18n.locale();
        }
        enabled.set(defaultEnabled);
        volume.set(defaultVolume);
    }
}
