package org.govkiosk.api;

import java.util.List;

/** Clerk side: all registered terminals. */
public record TerminalStatusList(List<TerminalStatus> terminals) {

    public TerminalStatusList {
        terminals = Check.list(terminals, "terminals");
    }
}
