package org.govkiosk.app.catalog;

/** One step of the procedure (受理, 审核, 办结 ...), with who does what in it. */
public record ProcedureStep(String name, String description) {
}
