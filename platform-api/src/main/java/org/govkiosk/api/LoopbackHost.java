package org.govkiosk.api;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Whether a host is this machine only: plain HTTP is allowed there (the demo's embedded platform, a platform behind a
 * TLS proxy on the same host) and nowhere else, on the terminal's and on the platform's side alike.
 */
public final class LoopbackHost {

    private LoopbackHost() {
    }

    /** localhost, 127.0.0.0/8 or ::1 (with or without brackets); a name other than localhost is not looked up. */
    public static boolean is(String host) {
        if (host == null) {
            return false;
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
