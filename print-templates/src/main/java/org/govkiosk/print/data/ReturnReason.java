package org.govkiosk.print.data;

/** One written reason why a case was returned (退回件), a row of the 退回通知. */
public record ReturnReason(String text) {
}
