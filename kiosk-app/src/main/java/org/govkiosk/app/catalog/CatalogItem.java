package org.govkiosk.app.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.govkiosk.api.CaseKind;

/**
 * A service item (事项) with its whole guide (办事指南). The code is opaque: shown, sent, never parsed.
 *
 * @param department      the handling department (实施主体); for a joint item the lead one
 * @param coDepartments   the other departments of a joint item (联办件), empty otherwise
 * @param category        the item's type as the catalogue lists it (公共服务, 行政许可, 行政确认 ...)
 * @param lifeEvents      the life events (出生, 就业, 退休 ...) under which a citizen finds it
 * @param keywords        other words citizens use for it (社保 for 社会保险), searched like the name
 * @param place           where it is handled at a window, if the guide names a place
 * @param hours           when the window is open, if the guide says
 * @param ratingChannels  where the service can be rated (好差评)
 * @param printTemplate   the template of the result when it can be printed at the terminal (自助出证)
 * @param english         the English of its texts where the catalog gives it; the Chinese stays the official
 *                        wording (sent to the platform, printed on papers)
 */
public record CatalogItem(String code, String name, String department, List<String> coDepartments,
        String category, CaseKind caseKind, List<String> lifeEvents, List<String> keywords, List<String> conditions,
        List<MaterialRequirement> materials, List<ProcedureStep> procedure, TimeLimit timeLimit, Fees fees,
        List<String> legalBasis, Optional<String> place, Optional<String> hours, Contacts contacts,
        List<String> ratingChannels, Optional<String> printTemplate, List<FormField> form, Translations english) {

    /** An item without English: the English UI shows its texts in Chinese, marked as such. */
    public CatalogItem(String code, String name, String department, List<String> coDepartments,
            String category, CaseKind caseKind, List<String> lifeEvents, List<String> keywords, List<String> conditions,
            List<MaterialRequirement> materials, List<ProcedureStep> procedure, TimeLimit timeLimit, Fees fees,
            List<String> legalBasis, Optional<String> place, Optional<String> hours, Contacts contacts,
            List<String> ratingChannels, Optional<String> printTemplate, List<FormField> form) {
        this(code, name, department, coDepartments, category, caseKind, lifeEvents, keywords, conditions, materials,
                procedure, timeLimit, fees, legalBasis, place, hours, contacts, ratingChannels, printTemplate, form,
                Translations.NONE);
    }

    public CatalogItem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(caseKind, "caseKind");
        coDepartments = List.copyOf(coDepartments);
        lifeEvents = List.copyOf(lifeEvents);
        keywords = List.copyOf(keywords);
        conditions = List.copyOf(conditions);
        materials = List.copyOf(materials);
        procedure = List.copyOf(procedure);
        legalBasis = List.copyOf(legalBasis);
        ratingChannels = List.copyOf(ratingChannels);
        form = List.copyOf(form);
        Objects.requireNonNull(english, "english");
    }

    /** The same item with {@code translations} as its English. */
    public CatalogItem withEnglish(Translations translations) {
        return new CatalogItem(code, name, department, coDepartments, category, caseKind, lifeEvents, keywords,
                conditions, materials, procedure, timeLimit, fees, legalBasis, place, hours, contacts, ratingChannels,
                printTemplate, form, translations);
    }

    /** 自助出证: the result can be printed here. */
    public boolean printableAtTerminal() {
        return printTemplate.isPresent();
    }
}
