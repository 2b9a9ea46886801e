package org.govkiosk.app.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.app.outbox.EntryKind;
import org.govkiosk.app.outbox.EntryState;
import org.govkiosk.app.outbox.Outbox;
import org.govkiosk.app.outbox.OutboxEntry;
import org.govkiosk.app.platform.RealPlatform;
import org.govkiosk.app.ui.TerminalRig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The platform goes down before the citizen submits: the case is kept on the terminal, the slip and the screen say
 * it is queued (and give the local reference, no promised date), and once the platform is back the outbox delivers
 * it, exactly once.
 */
class PlatformDownJourneyAppUiTest {

    @RegisterExtension
    final PlatformAndTerminal env = PlatformAndTerminal.standard();

    private RealPlatform platform;
    private TerminalRig rig;

    @BeforeEach
    void start() {
        platform = env.platform();
        rig = env.rig();
    }

    @Test
    void aCaseSubmittedWhileThePlatformIsDownIsQueuedAndDeliveredOnceItIsBack() throws Exception {
        rig.identifyWithIdCard();
        rig.fillThePensionForm();
        platform.stop();

        rig.submit();

        assertThat(rig.text("#result-headline"))
                .isEqualTo("网络暂时中断：您的申请已保存在本终端，网络恢复后自动提交，无需重复申报");
        assertThat(rig.text("#result-number")).startsWith("本机受理号：");
        String localReference = rig.text("#result-number").substring("本机受理号：".length(),
                rig.text("#result-number").indexOf('（'));
        assertThat(rig.text("#result-paper")).isEqualTo("已打印申报凭条，请取走");
        String slip = rig.simulator("receipt-1", "last");
        assertThat(slip).contains("申报凭条", "网络暂时中断", localReference, "基本养老保险待遇申领")
                .doesNotContain("承诺办结").doesNotContain(TerminalRig.PHONE);

        Outbox outbox = rig.app().context().platformLink().outbox();
        List<OutboxEntry> waiting = outbox.entries().stream().filter(e -> e.kind() == EntryKind.CASE).toList();
        assertThat(waiting).hasSize(1);
        assertThat(waiting.get(0).state().awaitsDelivery()).as("queued on the terminal: %s", waiting).isTrue();
        String key = waiting.get(0).idempotencyKey();
        assertThat(platform.storedKeys("cases")).doesNotContainKey(key);

        platform.restart();
        TerminalRig.waitFor(90, () -> outbox.entries(EntryState.CONFIRMED).stream()
                .anyMatch(e -> e.idempotencyKey().equals(key)));
        String clerkView = platform.clerk("GET", ApiPaths.CLERK_CASES, null, null).body();
        assertThat(clerkView).contains(TerminalRig.PENSION_ITEM);
        rig.close();
        rig = null;
        platform.stop();
        assertThat(platform.storedKeys("cases")).as("delivered exactly once").containsExactly(Map.entry(key, 1));
    }
}
