package org.govkiosk.app.ui;

import org.govkiosk.app.context.AppContext;

/** For ArchitectureRulesCanFailTest only: a UI class that reaches into the composition root, as KioskUi did. */
final class RootReachingFixture {

    private final AppContext context;

    RootReachingFixture(AppContext context) {
        this.context = context;
    }

    Object printing() {
        return context.printing();
    }
}
