package org.govkiosk.testkit.oneway.sub;

/** Knows nothing of the root package. */
public final class Leaf {
    public String name() {
        return "leaf";
    }
}
