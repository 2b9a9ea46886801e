package org.govkiosk.app.voice;

/** Where speech is heard: the sound card, or nothing on a terminal without one. */
public interface AudioOutput {

    /**
     * Plays {@code wav} to its end, in pieces short enough that an interrupt stops it within a fraction of a second.
     *
     * @throws InterruptedException when a newer prompt interrupted this one (the rest is dropped)
     */
    void play(Wav wav) throws InterruptedException;
}
