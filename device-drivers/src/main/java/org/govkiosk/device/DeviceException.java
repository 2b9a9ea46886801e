package org.govkiosk.device;

import java.util.Objects;

/** The one exception of the device layer: a code that says fatal or transient, and the status detail. */
public class DeviceException extends Exception {

    /** Whether waiting can help: transient codes are retried with backoff, fatal ones wait for reconfiguration. */
    public enum Code {
        PORT_NOT_FOUND(false),
        PORT_IN_USE(false),
        PORT_PERMISSION_DENIED(true),
        DISCONNECTED(false),
        IO_ERROR(false),
        TIMEOUT(false),
        PROTOCOL_ERROR(false),
        DEVICE_FAULT(false),
        NOT_CONNECTED(false),
        CONFIGURATION_INVALID(true),
        UNSUPPORTED(true);

        private final boolean fatal;

        Code(boolean fatal) {
            this.fatal = fatal;
        }

        public boolean isFatal() {
            return fatal;
        }
    }

    private final Code code;
    private final DeviceStatusDetail detail;

    public DeviceException(Code code, DeviceStatusDetail detail, String message) {
        this(code, detail, message, null);
    }

    public DeviceException(Code code, DeviceStatusDetail detail, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code);
        this.detail = Objects.requireNonNull(detail);
    }

    public Code code() {
        return code;
    }

    public DeviceStatusDetail detail() {
        return detail;
    }

    public boolean isFatal() {
        return code.isFatal();
    }

    @Override
    public String getMessage() {
        return code + " (" + detail + "): " + super.getMessage();
    }
}
