package org.govkiosk.api;

/**
 * A hall's window and the department it serves for: ledger entries and rating reports of the window count under
 * that department (未指定 for a window nobody mapped).
 */
public record WindowDepartment(String hallCode, String windowId, String department, String updatedBy) {

    public WindowDepartment {
        Check.text(hallCode, "hallCode", 64);
        Check.text(windowId, "windowId", 64);
        Check.text(department, "department", 100);
        Check.text(updatedBy, "updatedBy", 64);
    }
}
