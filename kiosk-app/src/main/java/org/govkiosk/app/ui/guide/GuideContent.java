package org.govkiosk.app.ui.guide;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.govkiosk.api.CaseKind;
import org.govkiosk.app.catalog.CatalogItem;
import org.govkiosk.app.catalog.Contact;
import org.govkiosk.app.catalog.Fee;
import org.govkiosk.app.catalog.MaterialForm;
import org.govkiosk.app.catalog.MaterialRequirement;
import org.govkiosk.app.catalog.ProcedureStep;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.app.ui.CatalogTexts;

/**
 * Lays an item's guide out in sections, one per element the guide must show (八公开) and then how the result is
 * collected. Headings and the small words around the content follow the UI language; so does the content where
 * the catalog gives its English, and where it does not, an English guide marks the Chinese as Chinese only.
 */
public final class GuideContent {

    private final I18n i18n;

    public GuideContent(I18n i18n) {
        this.i18n = i18n;
    }

    public List<GuideSection> sections(CatalogItem item) {
        CatalogTexts texts = CatalogTexts.of(item);
        return List.of(basic(item, texts),
                section("legal-basis", "guide.section.legal-basis", texts.in(locale(), item.legalBasis())),
                section("conditions", "guide.section.conditions", numbered(texts.in(locale(), item.conditions()))),
                section("materials", "guide.section.materials", materials(item, texts)),
                section("procedure", "guide.section.procedure", procedure(item, texts)),
                section("time-limit", "guide.section.time-limit", timeLimit(item)),
                section("fees", "guide.section.fees", fees(item, texts)),
                section("contacts", "guide.section.contacts", contacts(item, texts)),
                section("rating", "guide.section.rating", texts.in(locale(), item.ratingChannels())),
                section("result", "guide.section.result", List.of(item.printableAtTerminal()
                        ? i18n.text("guide.result.self-print") : i18n.text("guide.result.window"))));
    }

    /** The words for a case kind: 即办件 / Decided on the spot ... */
    public static String kindKey(CaseKind kind) {
        return switch (kind) {
            case IMMEDIATE -> "guide.kind.immediate";
            case PROMISED -> "guide.kind.promised";
            case JOINT -> "guide.kind.joint";
            case SUPPLEMENT, RETURNED -> throw new IllegalArgumentException(kind + " is no kind of catalog item");
        };
    }

    private Locale locale() {
        return i18n.locale();
    }

    private GuideSection basic(CatalogItem item, CatalogTexts texts) {
        List<String> lines = new ArrayList<>();
        lines.add(i18n.text("guide.code", item.code()));
        lines.add(i18n.text("guide.department", texts.in(locale(), item.department())));
        if (!item.coDepartments().isEmpty()) {
            lines.add(i18n.text("guide.co-departments", String.join(i18n.text("guide.list-separator"),
                    texts.in(locale(), item.coDepartments()))));
        }
        lines.add(i18n.text("guide.category", texts.in(locale(), item.category())));
        lines.add(i18n.text("guide.case-kind", i18n.text(kindKey(item.caseKind()))));
        item.place().ifPresent(p -> lines.add(i18n.text("guide.place", texts.in(locale(), p))));
        item.hours().ifPresent(h -> lines.add(i18n.text("guide.hours", texts.in(locale(), h))));
        return section("basic", "guide.section.basic", lines);
    }

    private List<String> materials(CatalogItem item, CatalogTexts texts) {
        List<String> lines = new ArrayList<>();
        int n = 1;
        for (MaterialRequirement m : item.materials()) {
            List<String> notes = new ArrayList<>();
            notes.add(i18n.text("guide.material.form", i18n.text(formKey(m.form())), m.copies()));
            if (m.key()) {
                notes.add(i18n.text("guide.material.key"));
            }
            if (m.deferrable()) {
                notes.add(i18n.text("guide.material.deferrable"));
            }
            if (m.eLicence().isPresent()) {
                notes.add(i18n.text("guide.material.e-licence"));
            }
            lines.add(i18n.text("guide.material.line", n++, texts.in(locale(), m.name()), String.join(" · ", notes),
                    texts.in(locale(), m.requirement())));
        }
        return lines;
    }

    /** The words for how a material is handed in: 原件 / original ... */
    public static String formKey(MaterialForm form) {
        return switch (form) {
            case ORIGINAL -> "guide.form.original";
            case COPY -> "guide.form.copy";
            case ORIGINAL_AND_COPY -> "guide.form.original-and-copy";
            case FORM -> "guide.form.form";
        };
    }

    private List<String> procedure(CatalogItem item, CatalogTexts texts) {
        List<String> lines = new ArrayList<>();
        int n = 1;
        for (ProcedureStep step : item.procedure()) {
            lines.add(i18n.text("guide.step", n++, texts.in(locale(), step.name()),
                    texts.in(locale(), step.description())));
        }
        return lines;
    }

    private List<String> timeLimit(CatalogItem item) {
        return List.of(i18n.text("guide.time-limit.legal", item.timeLimit().legalDays()),
                item.timeLimit().onTheSpot() ? i18n.text("guide.time-limit.on-the-spot")
                        : i18n.text("guide.time-limit.promised", item.timeLimit().promisedDays()));
    }

    private List<String> fees(CatalogItem item, CatalogTexts texts) {
        List<String> lines = new ArrayList<>();
        if (item.fees().free()) {
            lines.add(i18n.text("guide.fees.free"));
        }
        for (Fee fee : item.fees().items()) {
            lines.add(i18n.text("guide.fees.item", texts.in(locale(), fee.name()), texts.in(locale(), fee.standard()),
                    texts.in(locale(), fee.basis())));
        }
        lines.add(i18n.text("guide.fees.basis", texts.in(locale(), item.fees().basis())));
        return lines;
    }

    private List<String> contacts(CatalogItem item, CatalogTexts texts) {
        return List.of(
                contact("guide.contacts.consult", "guide.contacts.consult-at", item.contacts().consult(), texts),
                contact("guide.contacts.complain", "guide.contacts.complain-at", item.contacts().complain(), texts));
    }

    private String contact(String key, String keyWithPlace, Contact contact, CatalogTexts texts) {
        return contact.place().map(p -> i18n.text(keyWithPlace, contact.phone(), texts.in(locale(), p)))
                .orElseGet(() -> i18n.text(key, contact.phone()));
    }

    private static List<String> numbered(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            out.add((i + 1) + ". " + lines.get(i));
        }
        return out;
    }

    private GuideSection section(String id, String headingKey, List<String> lines) {
        return new GuideSection(id, i18n.text(headingKey), lines);
    }
}
