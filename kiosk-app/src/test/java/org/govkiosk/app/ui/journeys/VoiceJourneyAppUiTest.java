package org.govkiosk.app.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.app.ui.ScreenId;
import org.govkiosk.app.ui.TerminalRig;
import org.govkiosk.device.DeviceEvent;
import org.govkiosk.device.idcard.IdCardRejection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real terminal with voice guidance on, its speech engine a script that writes down each text it is given:
 * what the terminal says along a citizen's journey, from the bundles, in the order the citizen meets it (the
 * screens' prompts, 请放置身份证, a card that cannot be read, the application's steps, 请取走证件和回执, the farewell).
 */
class VoiceJourneyAppUiTest {

    private TerminalRig rig;
    private Path spoken;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        spoken = dir.resolve("spoken.txt");
        Files.writeString(spoken, "");
        Path engine = dir.resolve("recording-engine");
        // Each prompt on one line; no audio (the terminal logs that once and goes on, as without espeak-ng).
        Files.writeString(engine, "#!/bin/sh\nt=$(cat)\nprintf '%s\\n' \"$t\" >> " + spoken + "\nexit 3\n");
        Files.setPosixFilePermissions(engine, PosixFilePermissions.fromString("rwx------"));
        rig = new TerminalRig(dir.resolve("kiosk")).withTerminalYaml(yaml -> {
            String on = yaml.replaceAll("(?m)^  enabled: false", "  enabled: true")
                    .replaceAll("(?m)^  engine: espeak-ng.*$", "  engine: " + engine);
            assertThat(on).contains("  enabled: true", "  engine: " + engine);
            return on;
        }).start();
    }

    @AfterEach
    void stop() throws Exception {
        if (rig != null) {
            rig.close();
        }
    }

    private List<String> spoken() throws Exception {
        return Files.readAllLines(spoken).stream().filter(l -> !l.isBlank()).toList();
    }

    private void heard(String what) throws Exception {
        TerminalRig.waitFor(20, () -> spoken().contains(what));
    }

    private static String zh(String key) {
        return I18n.format(I18n.ZH_CN, key);
    }

    @Test
    void aCitizensJourneyIsSpokenStepByStep() throws Exception {
        var r = rig.robot();
        r.clickOn("#start");
        heard(zh("voice.screen.home"));
        r.clickOn("#tile-identify");
        heard(zh("voice.screen.identify"));
        assertThat(zh("voice.screen.identify")).startsWith("请放置身份证");

        // A card that fails its checks: said in words for the ear.
        String reader = "idcard-1";
        r.interact(() -> rig.app().context().bus().publish(new DeviceEvent.IdCardRejected(reader,
                java.time.Instant.now(), new IdCardRejection(IdCardRejection.Reason.INVALID_ID_NUMBER,
                        "check digit", "330***********0013"))));
        heard(zh("voice.error.card-unreadable"));

        assertThat(rig.simulator("idcard-1", "card place demo-zhang")).startsWith("ok");
        heard(zh("identify.recognised"));
        rig.simulator("idcard-1", "card remove");
        r.clickOn("#identify-phone").write(TerminalRig.PHONE);
        r.clickOn("#identify-next");
        heard(zh("voice.screen.home"));

        rig.fillThePensionForm();
        heard(zh("voice.screen.apply-materials"));
        // (The guide's prompt may be cut off before it starts: the rig taps 我要申报 at once, as a new prompt should.)
        assertThat(spoken()).contains(zh("voice.screen.apply-form"));
        r.clickOn("#materials-next");
        heard(zh("voice.screen.apply-confirm"));
        r.clickOn("#confirm-submit");
        TerminalRig.waitFor(40, () -> rig.screen() == ScreenId.APPLY_RESULT);
        heard(zh("apply.result.submitted") + " " + zh("voice.take-papers"));
        assertThat(zh("voice.take-papers")).isEqualTo("请取走证件和回执。");

        r.clickOn("#finish");
        heard(zh("voice.farewell"));
        List<String> all = spoken();
        assertThat(all).containsSubsequence(zh("voice.screen.identify"), zh("voice.error.card-unreadable"),
                zh("identify.recognised"), zh("voice.screen.apply-form"), zh("voice.screen.apply-confirm"),
                zh("voice.farewell"));
        assertThat(all).as("nothing personal is said aloud").noneMatch(t -> t.contains("张") || t.contains("1101")
                || t.contains(TerminalRig.PHONE));
    }
}
