package org.govkiosk.app.ui;

import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.govkiosk.device.Device;
import org.govkiosk.device.DeviceEventBus;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.DeviceStatusChanged;
import org.govkiosk.device.DeviceStatusInfo;

/** The devices' statuses as FX properties, updated on the FX thread from the event bus. */
public final class DeviceStatusBoard {

    /** One device's line on the board. */
    public static final class Row {
        private final String deviceId;
        private final DeviceFamily family;
        private final ReadOnlyObjectWrapper<DeviceStatusInfo> status;

        Row(String deviceId, DeviceFamily family, DeviceStatusInfo initial) {
            this.deviceId = deviceId;
            this.family = family;
            this.status = new ReadOnlyObjectWrapper<>(initial);
        }

        public String deviceId() {
            return deviceId;
        }

        public DeviceFamily family() {
            return family;
        }

        public ReadOnlyObjectProperty<DeviceStatusInfo> statusProperty() {
            return status.getReadOnlyProperty();
        }

        public DeviceStatusInfo status() {
            return status.get();
        }
    }

    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final java.util.Map<String, Device> devices = new java.util.HashMap<>();

    public DeviceStatusBoard(List<? extends Device> devices, DeviceEventBus bus) {
        for (Device device : devices) {
            rows.add(new Row(device.id(), device.family(), device.status()));
            this.devices.put(device.id(), device);
        }
        bus.onStatus(this::onStatus);
        // Statuses may have changed between reading them above and subscribing.
        for (Device device : devices) {
            Platform.runLater(() -> apply(device.id(), device.status()));
        }
    }

    /**
     * A change shows the device's status as it is when the FX thread gets to it, not the one the event carries:
     * changes are published outside the driver's lock, so two from different threads may arrive in either order,
     * and the older one last would leave a working reader shown as unusable (ELicenceJourneyAppUiTest saw it).
     */
    private void onStatus(DeviceStatusChanged change) {
        Device device = devices.get(change.deviceId());
        Platform.runLater(() -> apply(change.deviceId(), device != null ? device.status() : change.newStatus()));
    }

    private void apply(String deviceId, DeviceStatusInfo status) {
        for (Row row : rows) {
            if (row.deviceId.equals(deviceId)) {
                row.status.set(status);
            }
        }
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    /** Observes whether any device of these families can serve a citizen (e.g. either printer). */
    public javafx.beans.binding.BooleanBinding usableBinding(DeviceFamily... families) {
        javafx.beans.Observable[] deps = rows.stream()
                .filter(r -> java.util.Arrays.asList(families).contains(r.family))
                .map(Row::statusProperty).toArray(javafx.beans.Observable[]::new);
        return javafx.beans.binding.Bindings.createBooleanBinding(
                () -> java.util.Arrays.stream(families).anyMatch(this::isUsable), deps);
    }

    /** Whether any device of the family can serve a citizen now. */
    public boolean isUsable(DeviceFamily family) {
        return rows.stream().anyMatch(r -> r.family == family && r.status().isUsable());
    }
}
