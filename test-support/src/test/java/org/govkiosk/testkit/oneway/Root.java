package org.govkiosk.testkit.oneway;

import org.govkiosk.testkit.oneway.sub.Leaf;

/** A root package that wires a package below it, which does not import the root back. */
public final class Root {
    public String leaf() {
        return new Leaf().name();
    }
}
