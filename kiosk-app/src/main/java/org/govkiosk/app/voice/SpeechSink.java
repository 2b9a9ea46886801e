package org.govkiosk.app.voice;

/**
 * Where the terminal's spoken prompts go: the {@link Speaker} (an engine and a sound card) on a terminal, a
 * recording sink in tests. A new prompt interrupts the one being spoken; neither call blocks the caller.
 */
public interface SpeechSink {

    /** Says {@code utterance}, cutting off whatever is being said. */
    void speak(Utterance utterance);

    /** Stops speaking at once (a session ended, the citizen turned voice off). */
    void silence();
}
