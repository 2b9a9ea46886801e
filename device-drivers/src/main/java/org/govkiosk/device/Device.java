package org.govkiosk.device;

/**
 * One configured device. {@link #start()} returns at once: the device connects in the background and
 * reports every outcome through its status, never through an escaping exception.
 */
public interface Device extends AutoCloseable {

    String id();

    DeviceFamily family();

    DeviceStatusInfo status();

    void start();

    @Override
    void close();
}
