package org.govkiosk.app.catalog;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.govkiosk.api.CaseKind;
import org.govkiosk.shared.config.YamlSection;

/**
 * Reads one entry of {@code items}: every element of the guide (八公开) must be there, departments and life events
 * must be among those the file declares (a typo would otherwise open a tab of its own), and the parts must agree
 * with each other (a 即办件 promises no days, a joint item names its other departments).
 */
final class ItemReader {

    private static final int MAX_STEPS = 3;
    private static final int MAX_JOINT_STEPS = 5;
    private static final int MAX_DAYS = 365;

    private final Set<String> departments;
    private final Set<String> lifeEvents;
    private final Predicate<String> templateExists;

    ItemReader(Set<String> departments, Set<String> lifeEvents, Predicate<String> templateExists) {
        this.departments = departments;
        this.lifeEvents = lifeEvents;
        this.templateExists = templateExists;
    }

    /** The item, or empty when it has a problem (all of which are recorded). */
    Optional<CatalogItem> read(YamlSection i) {
        int before = i.problemCount();
        i.onlyKeys("code", "name", "department", "co-departments", "category", "case-kind", "life-events", "keywords",
                "conditions", "materials", "procedure", "time-limit", "fees", "legal-basis", "place", "hours",
                "contacts", "rating", "self-service-print", "form", "deemed-approval",
                // 细化评价问询: read by the platform's phone rating page (platform-server ratings.RatingQuestions)
                "rating-questions");
        Optional<String> code = i.quotedString("code", true);
        Optional<String> name = i.translatable("name", true);
        Optional<String> department = i.translatable("department", true).filter(d -> declared(i, "department", d));
        List<String> coDepartments = i.translatableTexts("co-departments", false);
        for (int n = 0; n < coDepartments.size(); n++) {
            declared(i, "co-departments[" + n + "]", coDepartments.get(n));
        }
        Optional<String> category = i.translatable("category", true);
        Optional<CaseKind> kind = i.string("case-kind", true).flatMap(k -> caseKind(i, k));
        kind.ifPresent(k -> {
            if (k == CaseKind.JOINT && coDepartments.isEmpty()) {
                i.problem(i.key("co-departments"), "a joint item (联办件) names the other departments involved");
            } else if (k != CaseKind.JOINT && !coDepartments.isEmpty()) {
                i.problem(i.key("co-departments"), "only a joint item (case-kind: joint) has other departments");
            }
        });
        List<String> events = i.translatableTexts("life-events", false);
        for (int n = 0; n < events.size(); n++) {
            if (!lifeEvents.contains(events.get(n))) {
                i.problem(i.key("life-events[" + n + "]"), "'" + events.get(n)
                        + "' is not among the life-events declared at the top of the file: " + lifeEvents);
            }
        }
        List<String> keywords = i.texts("keywords", false);
        List<String> conditions = i.translatableTexts("conditions", true);
        List<MaterialRequirement> materials = PartReader.materials(i);
        List<ProcedureStep> procedure = PartReader.procedure(i,
                kind.filter(k -> k == CaseKind.JOINT).isPresent() ? MAX_JOINT_STEPS : MAX_STEPS);
        Optional<TimeLimit> timeLimit = timeLimit(i, kind);
        Optional<Fees> fees = PartReader.fees(i);
        List<String> legalBasis = i.translatableTexts("legal-basis", true);
        Optional<String> place = i.translatable("place", false);
        Optional<String> hours = i.translatable("hours", false);
        Optional<Contacts> contacts = PartReader.contacts(i);
        List<String> rating = i.translatableTexts("rating", true);
        Optional<String> template = i.string("self-service-print", false).filter(t -> template(i, t));
        List<FormField> form = PartReader.form(i);
        // 承诺超时默认: the platform takes the case as granted when it is not decided in the promised time. Only the
        // platform acts on it; here it is checked, so a typo or an on-the-spot item is named at start.
        if (i.bool("deemed-approval", false) && timeLimit.filter(TimeLimit::onTheSpot).isPresent()) {
            i.problem(i.key("deemed-approval"), "only an item with a promised time (promised-days above 0) can be"
                    + " granted when that time runs out (承诺超时默认)");
        }
        if (i.problemCount() > before) {
            return Optional.empty();
        }
        return Optional.of(new CatalogItem(code.orElseThrow(), name.orElseThrow(), department.orElseThrow(),
                coDepartments, category.orElseThrow(), kind.orElseThrow(), events, keywords, conditions, materials,
                procedure, timeLimit.orElseThrow(), fees.orElseThrow(), legalBasis, place, hours,
                contacts.orElseThrow(), rating, template, form));
    }

    private boolean declared(YamlSection i, String key, String department) {
        if (departments.contains(department)) {
            return true;
        }
        i.problem(i.key(key), "'" + department + "' is not among the departments declared at the top of the file");
        return false;
    }

    private static Optional<CaseKind> caseKind(YamlSection i, String written) {
        for (CaseKind k : List.of(CaseKind.IMMEDIATE, CaseKind.PROMISED, CaseKind.JOINT)) {
            if (k.name().equalsIgnoreCase(written) || k.label().equals(written)) {
                return Optional.of(k);
            }
        }
        i.problem(i.key("case-kind"), "expected immediate (即办件), promised (承诺件) or joint (联办件), got '"
                + written + "'");
        return Optional.empty();
    }

    private static Optional<TimeLimit> timeLimit(YamlSection i, Optional<CaseKind> kind) {
        Optional<YamlSection> section = i.section("time-limit", true);
        if (section.isEmpty()) {
            return Optional.empty();
        }
        YamlSection t = section.get();
        t.onlyKeys("legal-days", "promised-days");
        Optional<Integer> legal = t.integer("legal-days", 0, MAX_DAYS, true);
        Optional<Integer> promised = t.integer("promised-days", 0, MAX_DAYS, true);
        if (legal.isEmpty() || promised.isEmpty()) {
            return Optional.empty();
        }
        if (promised.get() > legal.get()) {
            t.problem(t.key("promised-days"), "the promised limit (" + promised.get()
                    + ") may not exceed the legal one (" + legal.get() + ")");
            return Optional.empty();
        }
        boolean immediate = kind.filter(k -> k == CaseKind.IMMEDIATE).isPresent();
        if (kind.isPresent() && immediate != (promised.get() == 0)) {
            t.problem(t.key("promised-days"), immediate
                    ? "an immediate item (即办件) is decided on the spot: promised-days must be 0, got " + promised.get()
                    : "only an immediate item (即办件) promises 0 days; a " + kind.get().label()
                            + " needs at least 1");
            return Optional.empty();
        }
        return Optional.of(new TimeLimit(legal.get(), promised.get()));
    }

    private boolean template(YamlSection i, String name) {
        if (!PartReader.NAME.matcher(name).matches()) {
            i.problem(i.key("self-service-print"), "expected a template name like completion-certificate, got '"
                    + name + "'");
            return false;
        }
        if (!templateExists.test(name)) {
            i.problem(i.key("self-service-print"), "no print template '" + name + "' among the terminal's templates");
            return false;
        }
        return true;
    }
}
