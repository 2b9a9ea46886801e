package org.govkiosk.print.template;

import java.util.List;

/**
 * A template that cannot be loaded or filled. It names the template (its file or id) and, where there is one,
 * the field, so a technician or developer can go straight to it; nothing is printed with a gap instead.
 */
public class TemplateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String template;
    private final String field;
    private final List<String> problems;

    public TemplateException(String template, String field, String problem) {
        super("template " + template + ": " + (field == null ? "" : "field " + field + " ") + problem);
        this.template = template;
        this.field = field;
        this.problems = List.of(getMessage());
    }

    /** Several problems found while checking templates as a whole, one line each. */
    public TemplateException(String template, List<String> problems) {
        super(problems.size() == 1 ? problems.get(0)
                : problems.size() + " template problems:\n  " + String.join("\n  ", problems));
        this.template = template;
        this.field = null;
        this.problems = List.copyOf(problems);
    }

    /** The template id or file the problem is in. */
    public String template() {
        return template;
    }

    /** The field at fault, or null when the problem is not about one field. */
    public String field() {
        return field;
    }

    public List<String> problems() {
        return problems;
    }
}
