package org.govkiosk.app.config;

import java.util.List;

/** The configuration is not valid; the message lists every problem as "FILE: KEY: PROBLEM", one per line. */
public class ConfigException extends RuntimeException {

    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
