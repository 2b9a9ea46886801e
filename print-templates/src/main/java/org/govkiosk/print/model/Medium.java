package org.govkiosk.print.model;

/**
 * The paper a document is meant for. Every document renders on both; this says which printer the terminal
 * sends it to by default.
 */
public enum Medium { RECEIPT, A4 }
