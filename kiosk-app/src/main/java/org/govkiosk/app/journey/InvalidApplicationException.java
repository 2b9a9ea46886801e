package org.govkiosk.app.journey;

import java.util.List;

/** An application that does not pass its checks was about to be submitted; nothing was queued. */
public final class InvalidApplicationException extends IllegalArgumentException {

    private final transient List<FieldProblem> problems;

    public InvalidApplicationException(List<FieldProblem> problems) {
        super("the application has " + problems.size() + " problem(s): " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
