package org.govkiosk.platform.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.govkiosk.platform.PlatformConfigLoader;
import org.govkiosk.platform.store.CaseNotices.Notice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The notices' texts in platform.yaml: the shipped ones, a hall's own, and mistakes named with the key meant. */
class NoticeTemplatesTest {

    @TempDir
    Path dir;

    @Test
    void theShippedFileGivesEveryNoticeATextWithTheCaseAndTheItem() {
        NoticeTemplates shipped = PlatformConfigLoader.load(new String[] {"--config=" + Path.of(
                "../config/platform.yaml")}, Map.of()).notices().orElseThrow().withSignature("政务服务");
        for (Notice n : Notice.values()) {
            assertThat(shipped.render(n, "GK2025000001", "城乡居民养老保险参保登记")).startsWith("【政务服务】")
                    .contains("GK2025000001", "“城乡居民养老保险参保登记”").doesNotContain("{", "}");
        }
        assertThat(shipped.render(Notice.RESULT_READY, "GK1", "x")).isEqualTo(NoticeTemplates.defaults("政务服务")
                .render(Notice.RESULT_READY, "GK1", "x"));
    }

    @Test
    void aHallsOwnTextReplacesOneAndKeepsTheOthers() throws Exception {
        Path yaml = Files.writeString(dir.resolve("platform.yaml"), """
                case-notices:
                  accepted: 您的{item}申请已受理（{case}）。
                """);
        NoticeTemplates t = PlatformConfigLoader.load(new String[] {"--config=" + yaml}, Map.of()).notices()
                .orElseThrow().withSignature("示例市政务服务中心");
        assertThat(t.render(Notice.ACCEPTED, "GK1", "社保登记")).isEqualTo("【示例市政务服务中心】您的社保登记申请已受理（GK1）。");
        assertThat(t.render(Notice.COMPLETED, "GK1", "社保登记")).contains("已办结");
        assertThat(PlatformConfigLoader.load(new String[0], Map.of()).notices()).isEmpty();
    }

    @Test
    void unknownKeysAndPlaceholdersStopTheStartWithTheOneMeant() throws Exception {
        Path yaml = Files.writeString(dir.resolve("platform.yaml"), """
                case-notices:
                  acepted: 已受理
                  completed: 尊敬的{name}，您的{item}（{case}）已办结。
                  returned: "{itme}已退回"
                """);
        assertThatThrownBy(() -> PlatformConfigLoader.load(new String[] {"--config=" + yaml}, Map.of()))
                .hasMessageContaining("platform.yaml: case-notices.acepted: unknown key (did you mean 'accepted'?)")
                .hasMessageContaining("case-notices.completed: unknown placeholder {name}")
                .hasMessageContaining("case-notices.returned: unknown placeholder {itme} (did you mean 'item'?)");
        assertThatThrownBy(() -> PlatformConfigLoader.load(new String[] {"--case-notices=x"}, Map.of()))
                .hasMessageContaining("only in the config file");
        assertThatThrownBy(() -> NoticeTemplates.defaults("政务服务").with(Notice.ACCEPTED, "{idNumber}"))
                .hasMessageContaining("may name only {case} and {item}");
    }
}
