package org.govkiosk.testkit.cycles.sub;

import org.govkiosk.testkit.cycles.Root;

/** Imports the root package back. */
public final class Leaf {
    public String name() {
        return Root.name() + "/leaf";
    }
}
