package org.govkiosk.app.testkit;

import org.govkiosk.device.Device;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.DeviceStatusInfo;

/** A device whose status the test sets itself; subclasses add the family's interface where a test needs it. */
public class StubDevice implements Device {
    private final String id;
    private final DeviceFamily family;
    public volatile DeviceStatusInfo status = DeviceStatusInfo.online();

    public StubDevice(String id, DeviceFamily family) {
        this.id = id;
        this.family = family;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public DeviceFamily family() {
        return family;
    }

    @Override
    public DeviceStatusInfo status() {
        return status;
    }

    @Override
    public void start() {
    }

    @Override
    public void close() {
    }
}
