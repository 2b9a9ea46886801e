package org.govkiosk.app.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.govkiosk.app.ui.ScreenId;
import org.govkiosk.app.ui.TerminalRig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * Issue 14, attack 6: terminal.log carried masked names and ID numbers in three masking styles. A whole journey
 * (ID card, application, submission, the platform's confirmation) is run with the terminal's loggers at DEBUG, and
 * terminal.log is read back: no ID number or mobile number in clear, and every masked value in the one form of
 * {@code org.govkiosk.personal.Masking}: names 李**, ID numbers 310***********0026, phones 138****5678 (addresses
 * keep their first six characters and end in ****). The ID card journey logged one style already before the rule
 * was made one (PersonalDataInLogsTest has the paths that did not); this guards the whole real log.
 */
class LogMaskingJourneyAppUiTest {

    private static final String NAME = "李秀英";
    @RegisterExtension
    final PlatformAndTerminal env = PlatformAndTerminal.standard();

    @Test
    void aJourneysLogHoldsNoPersonalDataInClearAndOneMaskingStyle() throws Exception {
        Logger terminal = (Logger) LoggerFactory.getLogger("org.govkiosk");
        Level before = terminal.getLevel();
        terminal.setLevel(Level.DEBUG);
        try {
            TerminalRig rig = env.rig();
            rig.robot().clickOn("#start");
            rig.robot().clickOn("#tile-identify");
            assertThat(rig.simulator("idcard-1", "card place demo-li")).startsWith("ok");
            TerminalRig.waitFor(10, () -> !rig.text("#identify-name").isEmpty());
            rig.simulator("idcard-1", "card remove");
            rig.robot().clickOn("#identify-phone").write(TerminalRig.PHONE);
            rig.robot().clickOn("#identify-next");
            assertThat(rig.screen()).isEqualTo(ScreenId.HOME);
            rig.fillThePensionForm();
            rig.submit();
            TerminalRig.waitFor(60, () -> rig.app().context().platformLink().outboxStatus().waiting() == 0);
        } finally {
            terminal.setLevel(before);
        }

        Path log;
        try (Stream<Path> files = Files.walk(env.dir())) {
            log = files.filter(p -> p.getFileName().toString().equals("terminal.log")).findFirst().orElseThrow();
        }
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(text).as("the journey was logged").contains("idcard-1");

        org.govkiosk.app.LogScan scan = org.govkiosk.app.LogScan.of(text, List.of(NAME));
        System.out.printf("terminal.log of the journey: %d lines, %d values in clear, masked forms %s, off the"
                + " rule: %s%n", text.lines().count(), scan.clear().size(), scan.masked(), scan.offRule());
        assertThat(scan.clear()).as("personal data in clear in terminal.log").isEmpty();
        assertThat(scan.offRule()).as("masked values not in the one masking style").isEmpty();
    }
}
