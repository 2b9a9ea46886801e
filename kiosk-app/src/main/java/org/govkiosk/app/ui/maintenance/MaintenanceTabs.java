package org.govkiosk.app.ui.maintenance;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.govkiosk.app.context.AppContext;
import org.govkiosk.app.catalog.CatalogItem;
import org.govkiosk.app.maintenance.ConfigReload;
import org.govkiosk.app.maintenance.ConfigSummary;
import org.govkiosk.app.maintenance.DeviceSelfTest;
import org.govkiosk.app.maintenance.LogExport;
import org.govkiosk.app.maintenance.OutboxAdmin;
import org.govkiosk.app.maintenance.RemovableMedia;
import org.govkiosk.app.ui.DeviceStatusBoard;

/** The ViewModels of maintenance mode's sub-screens, built once by the UI's composition and shown as tabs. */
public record MaintenanceTabs(DeviceDashboardViewModel devices, OutboxAdminViewModel outbox,
        LogExportViewModel export, ConfigReloadViewModel config, UsageViewModel usage) {

    public MaintenanceTabs {
        Objects.requireNonNull(devices, "devices");
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(export, "export");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(usage, "usage");
    }

    /** Where USB sticks are mounted; {@code -Dgovkiosk.export.roots=/media:/run/media} changes it. */
    static final String EXPORT_ROOTS = "govkiosk.export.roots";
    /** The terminal's log files, if it writes any besides the journal ({@code -Dgovkiosk.log.dir}). */
    static final String LOG_DIR = "govkiosk.log.dir";

    /** Builds the maintenance services over the running terminal and their ViewModels. */
    public static MaintenanceTabs create(AppContext context, DeviceStatusBoard board, Executor fx) {
        var i18n = context.i18n();
        Executor background = context.maintenanceThread();
        ZoneId zone = ZoneId.systemDefault();
        String terminalId = context.config().terminal().id();
        DeviceSelfTest selfTest = new DeviceSelfTest(context.allDevices(), context.bus(), context.printing()::printOn,
                context.audit(), context.clock(), zone, terminalId, Duration.ofSeconds(30));
        var devices = new DeviceDashboardViewModel(board, context.deviceCounters(),
                new DeviceDashboardViewModel.SelfTests() {
                    @Override
                    public java.util.concurrent.CompletionStage<org.govkiosk.app.maintenance.SelfTestResult> run(
                            String deviceId) {
                        return selfTest.run(deviceId);
                    }

                    @Override
                    public String promptKey(String deviceId) {
                        return context.allDevices().stream().filter(d -> d.id().equals(deviceId)).findFirst()
                                .map(DeviceSelfTest::prompt).orElse("maintenance.selftest.unknown-device");
                    }
                }, i18n, fx, zone);
        var outbox = new OutboxAdminViewModel(new OutboxAdmin(context.platformLink().outbox(), context.audit(),
                context.clock()), i18n, background, fx);
        List<Path> roots = Arrays.stream(System.getProperty(EXPORT_ROOTS, "/media" + File.pathSeparator + "/run/media")
                .split(File.pathSeparator)).filter(r -> !r.isBlank()).map(Path::of).toList();
        List<Path> logDirs = List.of(Path.of(System.getProperty(LOG_DIR, "/var/log/govkiosk")),
                context.dataDir().resolve("logs"));
        var export = new LogExportViewModel(RemovableMedia.of(roots), new LogExport(new LogExport.Sources(logDirs,
                context.dataDir().resolve("audit"), () -> ConfigSummary.of(context.config())), terminalId,
                context.clock(), zone, LogExport::freeSpace, context.audit()), i18n, background, fx);
        var sessions = context.sessions();
        // The session manager lives on the FX thread: new timeouts are handed to it there.
        ConfigReload reload = new ConfigReload(new ConfigReload.Loaded(context.config(), context.catalog()),
                () -> AppContext.loadConfiguration(context.options().configDir()),
                Map.of(ConfigReload.Section.SESSION, loaded -> {
                    var s = loaded.config().session();
                    fx.execute(() -> sessions.setTimeouts(s.idleTimeout(), s.warning()));
                }), context.audit());
        var config = new ConfigReloadViewModel(reload, i18n, background, fx);
        var usage = new UsageViewModel(context.usage(), code -> context.catalog().item(code).map(CatalogItem::name)
                .orElse(code), i18n, background, fx);
        return new MaintenanceTabs(devices, outbox, export, config, usage);
    }

    /** Everything read again when the technician opens maintenance mode. */
    void refresh() {
        devices.refresh();
        outbox.refresh();
        export.refresh();
        usage.refresh();
    }
}
