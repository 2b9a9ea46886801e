package org.govkiosk.platform.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.AuditHead;
import org.govkiosk.api.Heartbeat;
import org.govkiosk.api.TerminalStatus;
import org.govkiosk.api.TerminalStatusList;
import org.govkiosk.platform.RunningPlatform;
import org.govkiosk.platform.TestTerminal;
import org.govkiosk.platform.fleet.Alarm;
import org.govkiosk.platform.fleet.FleetAlarms;
import org.govkiosk.platform.fleet.FleetSettings;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, attack 5, the platform's side: it keeps the highest audit head each terminal sent and flags one whose
 * head goes backwards (log cut or replaced) or changes at a sequence number it saw (log rewritten).
 */
class AuditHeadAttackTest extends RunningPlatform {

    private static String mac(char c) {
        return String.valueOf(c).repeat(64);
    }

    private void beat(AuditHead head) throws Exception {
        HttpResponse<String> r = terminal.post(ApiPaths.HEARTBEATS, new Heartbeat(terminal.id, clock.instant(), "1",
                0, List.of(), 1L, null, 60, head));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private TerminalStatus status() throws Exception {
        HttpResponse<String> r = clerk("GET", ApiPaths.CLERK_TERMINALS, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return TestTerminal.read(r, TerminalStatusList.class).terminals().stream()
                .filter(t -> t.terminalId().equals(terminal.id)).findFirst().orElseThrow();
    }

    @Test
    void aGrowingChainIsKeptAndRaisesNothing() throws Exception {
        beat(new AuditHead(10, mac('a')));
        beat(new AuditHead(12, mac('b')));
        beat(new AuditHead(12, mac('b')));
        assertThat(status().auditHead()).isEqualTo(new AuditHead(12, mac('b')));
        assertThat(status().auditProblem()).isNull();
    }

    @Test
    void aHeadGoingBackwardsIsFlaggedAndTheHighestHeadKept() throws Exception {
        beat(new AuditHead(40, mac('a')));
        beat(new AuditHead(7, mac('c')));
        TerminalStatus t = status();
        assertThat(t.auditProblem()).contains("backwards", "7", "40");
        assertThat(t.auditHead()).isEqualTo(new AuditHead(40, mac('a')));
        beat(new AuditHead(41, mac('d')));
        assertThat(status().auditProblem()).as("stays until a technician looks").isNotNull();
        assertThat(new FleetAlarms(FleetSettings.defaults()).rows(List.of(status()), Instant.now()).get(0).alarms())
                .extracting(Alarm::kind).contains(Alarm.Kind.AUDIT_TAMPERED);
    }

    @Test
    void anotherMacAtASequenceNumberSeenIsFlagged() throws Exception {
        beat(new AuditHead(40, mac('a')));
        beat(new AuditHead(40, mac('e')));
        assertThat(status().auditProblem()).contains("40", "rewritten");
    }
}
