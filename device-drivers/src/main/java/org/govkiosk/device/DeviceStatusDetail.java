package org.govkiosk.device;

/** Why a device has its status; technicians see it, citizens only see whether the device is usable. */
public enum DeviceStatusDetail {
    NONE,
    PORT_NOT_FOUND,
    PORT_IN_USE,
    PORT_PERMISSION_DENIED,
    DISCONNECTED,
    COMMUNICATION_ERROR,
    NO_DATA_TIMEOUT,
    PROTOCOL_ERROR,
    PAPER_OUT,
    PAPER_NEAR_END,
    COVER_OPEN,
    PAPER_JAM,
    CUTTER_ERROR,
    PRINTER_OFFLINE,
    SAM_ERROR,
    CARD_READ_ERROR,
    /** A rating pad key that stays pressed: the other keys still work. */
    KEY_STUCK,
    /** A rating pad whose display failed: nothing to rate on. */
    DISPLAY_FAULT,
    NO_READER,
    CONFIGURATION_ERROR,
    HANDLER_STUCK,
    DISABLED_BY_CONFIG;

    /** The i18n key for this detail, shared by every UI that shows it. */
    public String messageKey() {
        return "device.detail." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
