package org.govkiosk.api;

import java.util.List;

/** The window → department map, by hall and window. */
public record WindowDepartmentList(List<WindowDepartment> windows) {

    public WindowDepartmentList {
        windows = List.copyOf(windows);
    }
}
