package org.govkiosk.app.ui.maintenance;

import java.util.Objects;

/**
 * The ViewModels of maintenance mode's sub-screens, built once by the composition root
 * ({@link org.govkiosk.app.ui.KioskViewModels#maintenanceTabs}) and shown as tabs.
 */
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
    public static final String EXPORT_ROOTS = "govkiosk.export.roots";
    /** The terminal's log files, if it writes any besides the journal ({@code -Dgovkiosk.log.dir}). */
    public static final String LOG_DIR = "govkiosk.log.dir";

    /** Everything read again when the technician opens maintenance mode. */
    void refresh() {
        devices.refresh();
        outbox.refresh();
        export.refresh();
        usage.refresh();
    }
}
