package org.govkiosk.print.model;

/**
 * Relative text size. Renderers map it to their medium: points on A4, character magnification on a receipt
 * printer (LARGE is double width and height there, so it halves the characters per line).
 */
public enum TextSize { SMALL, NORMAL, LARGE }
