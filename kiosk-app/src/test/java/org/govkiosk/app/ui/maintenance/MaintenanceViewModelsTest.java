package org.govkiosk.app.ui.maintenance;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.KeyGenerator;
import org.govkiosk.app.context.AppContext;
import org.govkiosk.testkit.MutableClock;
import org.govkiosk.app.config.ConfigException;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.app.maintenance.ConfigReload;
import org.govkiosk.app.maintenance.DeviceCounters;
import org.govkiosk.app.maintenance.LogExport;
import org.govkiosk.app.maintenance.OutboxAdmin;
import org.govkiosk.app.maintenance.RemovableMedia;
import org.govkiosk.app.maintenance.SelfTestResult;
import org.govkiosk.app.outbox.EntryKind;
import org.govkiosk.app.outbox.Outbox;
import org.govkiosk.app.outbox.PayloadCipher;
import org.govkiosk.app.ui.DeviceStatusBoard;
import org.govkiosk.app.usage.UsageStatistics;
import org.govkiosk.device.DeviceEvent;
import org.govkiosk.device.DeviceEventBus;
import org.govkiosk.device.DeviceStatusChanged;
import org.govkiosk.device.DeviceStatusDetail;
import org.govkiosk.device.DeviceStatusInfo;
import org.govkiosk.app.journey.RecordingDocumentPrinter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/** The maintenance tabs' ViewModels over real services (files, SQLite), with executors that run at once. */
class MaintenanceViewModelsTest {

    @TempDir
    Path dir;

    private final I18n i18n = new I18n(List.of(I18n.ZH_CN, Locale.ENGLISH), I18n.ZH_CN);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T02:00:00Z"));

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage(); // the status board hands updates to the FX thread
    }

    @Test
    void outboxViewShowsDepthAndDeadLettersAndRetriesOne() throws Exception {
        KeyGenerator aes = KeyGenerator.getInstance("AES");
        aes.init(256);
        try (Outbox outbox = Outbox.open(dir.resolve("outbox.db"), new PayloadCipher(aes.generateKey()), clock)) {
            outbox.add(EntryKind.CASE, "case-1", 0, "{}".getBytes(UTF_8));
            long dead = outbox.add(EntryKind.RATING, "rating-1", 0, "{}".getBytes(UTF_8));
            outbox.drop(dead, "422 refused");
            OutboxAdminViewModel model = new OutboxAdminViewModel(new OutboxAdmin(outbox, (e, d) -> { }, clock), i18n,
                    Runnable::run, Runnable::run);

            model.refresh().get(5, TimeUnit.SECONDS);
            assertThat(model.summaryProperty().get()).contains("待发送 1", "退回（死信）1");
            assertThat(model.countsLine(EntryKind.RATING)).contains("退回 1");
            assertThat(model.deadLetters()).singleElement().satisfies(d -> assertThat(d.reference()).isEqualTo("rating-1"));

            model.retry(model.deadLetters().get(0)).get(5, TimeUnit.SECONDS);
            assertThat(model.messageProperty().get()).contains("rating-1", "重新排队");
            assertThat(model.deadLetters()).isEmpty();
            assertThat(model.summaryProperty().get()).contains("待发送 2");
        }
    }

    @Test
    void logExportFindsTheStickAndSaysWhatHappened() throws Exception {
        Path root = Files.createDirectories(dir.resolve("media"));
        Files.createDirectories(dir.resolve("audit"));
        Files.writeString(dir.resolve("audit").resolve("audit.log"), "x\n");
        RemovableMedia media = new RemovableMedia(List.of(root), p -> true);
        LogExport export = new LogExport(new LogExport.Sources(List.of(), dir.resolve("audit"), () -> "summary"),
                "T-1", clock, ZoneId.of("Asia/Shanghai"), p -> 1L << 30, (e, d) -> { });
        LogExportViewModel model = new LogExportViewModel(media, export, i18n, Runnable::run, Runnable::run);

        model.refresh().get(5, TimeUnit.SECONDS);
        assertThat(model.mounted()).isEmpty();
        assertThat(model.messageProperty().get()).contains("未找到移动存储", root.toString());

        Path stick = Files.createDirectories(root.resolve("KINGSTON"));
        model.refresh().get(5, TimeUnit.SECONDS);
        assertThat(model.mounted()).containsExactly(stick);
        model.exportTo(stick).get(5, TimeUnit.SECONDS);
        assertThat(model.messageProperty().get()).contains("已导出", "govkiosk-logs-T-1-");
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void configReloadListsEveryProblemThenWhatChanged() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        ConfigReload.Loaded shipped = AppContext.loadConfiguration(Paths.get("../config"));
        ConfigReload reload = new ConfigReload(shipped, () -> {
            if (calls.incrementAndGet() == 1) {
                throw new ConfigException(List.of("terminal.yaml: session.idle-timeout: not a duration",
                        "devices.yaml: devices[2].port: missing"));
            }
            return shipped;
        }, Map.of(), (e, d) -> { });
        ConfigReloadViewModel model = new ConfigReloadViewModel(reload, i18n, Runnable::run, Runnable::run);

        model.reload().get(5, TimeUnit.SECONDS);
        assertThat(model.messageProperty().get()).contains("2 处问题", "原配置");
        assertThat(model.problems()).hasSize(2);

        model.reload().get(5, TimeUnit.SECONDS);
        assertThat(model.messageProperty().get()).isEqualTo("配置无变化");
        assertThat(model.problems()).isEmpty();
    }

    @Test
    void usageShowsTheTopItemsByNameAndEveryRatingLevel() throws Exception {
        try (UsageStatistics usage = UsageStatistics.open(dir.resolve("usage.db"), clock, ZoneId.of("Asia/Shanghai"),
                Runnable::run)) {
            for (int item = 0; item < 12; item++) {
                for (int n = 0; n <= item; n++) {
                    usage.applicationSubmitted("code-" + item);
                }
            }
            usage.ratingGiven(1);
            usage.sessionEnded("FINISHED");
            UsageViewModel model = new UsageViewModel(usage, code -> code.equals("code-11") ? "养老保险" : code, i18n,
                    Runnable::run, Runnable::run);

            model.refresh().get(5, TimeUnit.SECONDS);
            Map<String, Long> items = model.applicationsByItem();
            assertThat(items).hasSize(UsageViewModel.TOP_ITEMS + 1);
            assertThat(items.keySet().iterator().next()).isEqualTo("养老保险");
            assertThat(items).containsEntry("养老保险", 12L).containsEntry("其他事项", 1L + 2L);
            assertThat(model.ratingsByLevel()).containsExactly(Map.entry("非常满意", 0L), Map.entry("满意", 0L),
                    Map.entry("基本满意", 0L), Map.entry("不满意", 0L), Map.entry("非常不满意", 1L));
            assertThat(model.sessionsByDay()).containsExactly(Map.entry("11-22", 1L));

            model.spanProperty().set(UsageViewModel.Span.LAST_30_DAYS);
            assertThat(model.sessionsByDay()).hasSize(30);
            assertThat(model.summaryProperty().get()).contains("服务 1 人次", "申报 78 件");
        }
    }

    @Test
    void dashboardShowsCountsAndLastErrorAndRunsOneSelfTestAtATime() throws Exception {
        RecordingDocumentPrinter a4 = new RecordingDocumentPrinter();
        DeviceEventBus bus = new DeviceEventBus();
        DeviceStatusBoard board = new DeviceStatusBoard(List.of(a4), bus);
        try (DeviceCounters counters = DeviceCounters.open(dir.resolve("c.json"), bus)) {
            CompletableFuture<SelfTestResult> test = new CompletableFuture<>();
            AtomicInteger started = new AtomicInteger();
            DeviceDashboardViewModel model = new DeviceDashboardViewModel(board, counters,
                    new DeviceDashboardViewModel.SelfTests() {
                        @Override
                        public CompletableFuture<SelfTestResult> run(String deviceId) {
                            started.incrementAndGet();
                            return test;
                        }

                        @Override
                        public String promptKey(String deviceId) {
                            return "maintenance.selftest.printing";
                        }
                    }, i18n, Runnable::run, ZoneId.of("Asia/Shanghai"));
            var line = model.lines().get(0);

            bus.publish(new DeviceEvent.PrintCompleted("a4-1", clock.instant(), "j"));
            bus.publish(new DeviceStatusChanged("a4-1", DeviceStatusInfo.online(),
                    DeviceStatusInfo.offline(DeviceStatusDetail.PAPER_OUT), clock.instant()));
            assertThat(line.countsProperty().get().printed()).isEqualTo(1);
            assertThat(model.lastError(line.countsProperty().get())).contains("11-22 10:00:00");

            model.selfTest("a4-1");
            model.selfTest("a4-1");
            assertThat(started).hasValue(1);
            assertThat(line.testingProperty().get()).isTrue();
            assertThat(line.selfTestProperty().get()).contains("测试页");
            test.complete(new SelfTestResult("a4-1", true, "maintenance.selftest.printed", "selftest-a4-1-x"));
            assertThat(line.testingProperty().get()).isFalse();
            assertThat(line.selfTestProperty().get()).isEqualTo("通过： 测试页已打印（selftest-a4-1-x）");
        }
    }
}
