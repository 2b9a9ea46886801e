package org.govkiosk.print.data;

/** One material deferred under a 容缺 commitment, a row of the 容缺受理承诺书. */
public record DeferredMaterial(String name) {
}
