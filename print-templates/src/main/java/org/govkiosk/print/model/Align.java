package org.govkiosk.print.model;

/** Horizontal placement of a block within the printable width. */
public enum Align { LEFT, CENTER, RIGHT }
