package org.govkiosk.testkit.cycles;

import org.govkiosk.testkit.cycles.sub.Leaf;

/** A root package that wires a package below it, which imports the root back: the cycle the rule must find. */
public final class Root {
    /** Not a constant: javac would copy a constant into the caller and leave no dependency to find. */
    public static String name() {
        return "root";
    }

    public String leaf() {
        return new Leaf().name();
    }
}
