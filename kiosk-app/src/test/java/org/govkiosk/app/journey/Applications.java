package org.govkiosk.app.journey;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.govkiosk.api.CaseKind;
import org.govkiosk.app.catalog.CatalogItem;
import org.govkiosk.app.catalog.FormField;
import org.govkiosk.app.catalog.MaterialRequirement;

/** Builds applications the way the screens do: identity fields from the card, the rest filled in validly. */
public final class Applications {

    /** Values that fit the catalog's patterns (year-month, year); a field matching none fails the test. */
    private static final List<String> PATTERN_CANDIDATES = List.of("2024-01", "2024", "13800138000",
            "P440123456");

    private Applications() {
    }

    /** A 承诺件 with a 容缺 material and a key material that is no e-licence, without patterned fields. */
    public static boolean promisedWithDeferrable(CatalogItem i) {
        return i.caseKind() == CaseKind.PROMISED && i.materials().stream().anyMatch(MaterialRequirement::deferrable)
                && i.materials().stream().anyMatch(m -> m.key() && m.eLicence().isEmpty())
                && i.form().stream().allMatch(f -> f.pattern().isEmpty());
    }

    /** A 即办件 whose result the terminal prints (自助出证). */
    public static boolean immediatePrintable(CatalogItem i) {
        return i.caseKind() == CaseKind.IMMEDIATE && i.printableAtTerminal();
    }

    public static String valid(FormField f) {
        if (f.pattern().isPresent()) {
            return PATTERN_CANDIDATES.stream().filter(c -> f.pattern().get().matcher(c).matches()).findFirst()
                    .orElseThrow(() -> new AssertionError("no test value for pattern " + f.pattern().get()));
        }
        return switch (f.type()) {
            case CHOICE -> f.choices().get(0);
            case DATE -> "2025-03-01";
            case PHONE -> "13800138000";
            case ID_NUMBER -> JourneyRig.ID_NUMBER;
            case NUMBER -> "12";
            case TEXT -> "示例内容";
        };
    }

    /** Every field filled: prefilled ones from the card (and marked so), the others with valid values. */
    public static Map<String, String> form(CatalogItem item, ApplicantIdentity who, Set<String> fromCard) {
        Map<String, String> values = new LinkedHashMap<>();
        for (FormField f : item.form()) {
            if (f.prefill().isPresent() && who.prefill(f.prefill().get()).isPresent()) {
                values.put(f.key(), who.prefill(f.prefill().get()).get());
                if (who.locks(f.prefill().get())) {
                    fromCard.add(f.key());
                }
            } else {
                values.put(f.key(), valid(f));
            }
        }
        return values;
    }

    public static ApplicationRequest request(CatalogItem item, Function<MaterialRequirement, MaterialChoice> choice,
            boolean commitment) {
        ApplicantIdentity who = JourneyRig.applicant();
        Set<String> fromCard = new HashSet<>();
        Map<String, String> form = form(item, who, fromCard);
        List<MaterialDeclaration> materials = new ArrayList<>();
        for (MaterialRequirement m : item.materials()) {
            materials.add(new MaterialDeclaration(m, choice.apply(m)));
        }
        return new ApplicationRequest(item, who, form, fromCard, materials, commitment);
    }

    /** Everything at hand: e-licences fetched, the rest brought. */
    public static MaterialChoice complete(MaterialRequirement m) {
        return MaterialDeclaration.initial(m).choice();
    }
}
