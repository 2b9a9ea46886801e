package org.govkiosk.app.catalog;

import java.util.Optional;

/** A phone number and, where there is one, a place to go (a window, an office). */
public record Contact(String phone, Optional<String> place) {
}
