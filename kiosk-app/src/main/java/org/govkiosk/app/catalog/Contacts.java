package org.govkiosk.app.catalog;

/** Where to ask about the item (咨询) and where to complain (投诉). */
public record Contacts(Contact consult, Contact complain) {
}
