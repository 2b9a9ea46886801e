package org.govkiosk.app.catalog;

/** One charge: what it is for, its standard as the basis words it (e.g. "每本 10 元"), and that basis. */
public record Fee(String name, String standard, String basis) {
}
