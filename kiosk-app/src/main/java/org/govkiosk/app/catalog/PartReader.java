package org.govkiosk.app.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.govkiosk.shared.config.YamlSection;

/** Reads the parts of an item that are lists of their own: materials, procedure, fees, contacts, form fields. */
final class PartReader {

    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,63}");
    private static final int MAX_COPIES = 10;

    private PartReader() {
    }

    static List<MaterialRequirement> materials(YamlSection item) {
        List<MaterialRequirement> out = new ArrayList<>();
        for (YamlSection m : item.list("materials", true)) {
            int before = m.problemCount();
            m.onlyKeys("name", "requirement", "form", "copies", "key", "deferrable", "deferral-days", "e-licence");
            Optional<String> name = m.translatable("name", true);
            Optional<String> requirement = m.translatable("requirement", true);
            Optional<MaterialForm> form = m.string("form", true).flatMap(f -> materialForm(m, f));
            int copies = m.integer("copies", 1, MAX_COPIES, false).orElse(1);
            boolean key = m.bool("key", false);
            boolean deferrable = m.bool("deferrable", false);
            if (key && deferrable) {
                m.problem(m.key("deferrable"), "a key material (key: true) is never accepted missing (容缺)");
            }
            Optional<Integer> deferralDays = m.integer("deferral-days", 1, 60, false);
            if (deferralDays.isPresent() && !deferrable) {
                m.problem(m.key("deferral-days"), "only a deferrable material (deferrable: true) has 容缺 days");
            }
            Optional<String> eLicence = m.string("e-licence", false);
            if (eLicence.isPresent() && !NAME.matcher(eLicence.get()).matches()) {
                m.problem(m.key("e-licence"), "expected an e-licence type like hukou-booklet (lower-case letters,"
                        + " digits, '-'), got '" + eLicence.get() + "'");
            }
            if (m.problemCount() == before) {
                out.add(new MaterialRequirement(name.orElseThrow(), requirement.orElseThrow(), form.orElseThrow(),
                        copies, key, deferrable, eLicence, deferrable
                                ? deferralDays.orElse(MaterialRequirement.DEFAULT_DEFERRAL_DAYS) : 0));
            }
        }
        return out;
    }

    private static Optional<MaterialForm> materialForm(YamlSection m, String written) {
        for (MaterialForm f : MaterialForm.values()) {
            if (f.configName().equals(written)) {
                return Optional.of(f);
            }
        }
        m.problem(m.key("form"), "expected one of original, copy, original-and-copy, form, got '" + written + "'");
        return Optional.empty();
    }

    /** 受理 → 审核 → 办结: at most 3 steps, 5 for a joint item. */
    static List<ProcedureStep> procedure(YamlSection item, int maxSteps) {
        List<ProcedureStep> out = new ArrayList<>();
        List<YamlSection> steps = item.list("procedure", true);
        if (steps.size() > maxSteps) {
            item.problem(item.key("procedure"), "at most " + maxSteps + " steps for this kind of item, got "
                    + steps.size());
        }
        for (YamlSection s : steps) {
            s.onlyKeys("name", "description");
            Optional<String> name = s.translatable("name", true);
            Optional<String> description = s.translatable("description", true);
            if (name.isPresent() && description.isPresent()) {
                out.add(new ProcedureStep(name.get(), description.get()));
            }
        }
        return out;
    }

    static Optional<Fees> fees(YamlSection item) {
        Optional<YamlSection> section = item.section("fees", true);
        if (section.isEmpty()) {
            return Optional.empty();
        }
        YamlSection f = section.get();
        int before = f.problemCount();
        f.onlyKeys("free", "items", "basis");
        if (!f.has("free")) {
            f.problem(f.key("free"), "required: true, or false with the items charged");
        }
        boolean free = f.bool("free", true);
        Optional<String> basis = f.translatable("basis", true);
        List<Fee> fees = new ArrayList<>();
        if (free && f.has("items")) {
            f.problem(f.key("items"), "a free item (free: true) lists no fees");
        } else if (!free) {
            for (YamlSection i : f.list("items", true)) {
                i.onlyKeys("name", "standard", "basis");
                Optional<String> name = i.translatable("name", true);
                Optional<String> standard = i.translatable("standard", true);
                Optional<String> feeBasis = i.translatable("basis", true);
                if (name.isPresent() && standard.isPresent() && feeBasis.isPresent()) {
                    fees.add(new Fee(name.get(), standard.get(), feeBasis.get()));
                }
            }
        }
        return f.problemCount() == before ? Optional.of(new Fees(free, fees, basis.orElseThrow())) : Optional.empty();
    }

    static Optional<Contacts> contacts(YamlSection item) {
        Optional<YamlSection> section = item.section("contacts", true);
        if (section.isEmpty()) {
            return Optional.empty();
        }
        YamlSection c = section.get();
        c.onlyKeys("consult", "complain");
        Optional<Contact> consult = contact(c, "consult");
        Optional<Contact> complain = contact(c, "complain");
        return consult.isPresent() && complain.isPresent()
                ? Optional.of(new Contacts(consult.get(), complain.get())) : Optional.empty();
    }

    private static Optional<Contact> contact(YamlSection contacts, String name) {
        Optional<YamlSection> section = contacts.section(name, true);
        if (section.isEmpty()) {
            return Optional.empty();
        }
        YamlSection c = section.get();
        c.onlyKeys("phone", "place");
        Optional<String> phone = c.string("phone", true);
        if (phone.isPresent() && !phone.get().matches("[0-9][0-9 -]{2,19}")) {
            c.problem(c.key("phone"), "expected a phone number like 12345 or 020-12345678, got '" + phone.get() + "'");
            return Optional.empty();
        }
        return phone.map(p -> new Contact(p, c.translatable("place", false)));
    }

    static List<FormField> form(YamlSection item) {
        List<FormField> out = new ArrayList<>();
        Map<String, String> firstByKey = new HashMap<>();
        for (YamlSection f : item.list("form", true)) {
            int before = f.problemCount();
            f.onlyKeys("key", "label", "type", "required", "pattern", "invalid", "choices", "prefill");
            Optional<String> key = f.string("key", true);
            key.ifPresent(k -> {
                String first = firstByKey.putIfAbsent(k, f.path());
                if (first != null) {
                    f.problem(f.key("key"), "duplicate field key '" + k + "', already used by " + first);
                } else if (!NAME.matcher(k).matches()) {
                    f.problem(f.key("key"), "'" + k + "' is not a valid key; use lower-case letters, digits, '-'");
                }
            });
            Optional<LocalizedText> label = f.localized("label", true).map(PartReader::text);
            Optional<FieldType> type = f.string("type", true).flatMap(t -> {
                Optional<FieldType> known = FieldType.fromConfig(t);
                if (known.isEmpty()) {
                    f.problem(f.key("type"), "expected one of text, number, date, choice, phone, id-number, got '"
                            + t + "'");
                }
                return known;
            });
            boolean required = f.bool("required", false);
            Optional<Pattern> pattern = f.string("pattern", false).flatMap(p -> compile(f, p));
            Optional<LocalizedText> invalid = f.localized("invalid", false).map(PartReader::text);
            if (f.has("pattern") != f.has("invalid")) {
                f.problem(f.key(f.has("pattern") ? "invalid" : "pattern"), f.has("pattern")
                        ? "required with a pattern: what the citizen is told when the value does not match"
                        : "required with an invalid message: the pattern the value must match");
            }
            List<String> choices = f.translatableTexts("choices", false);
            type.ifPresent(t -> {
                if (t == FieldType.CHOICE && choices.isEmpty()) {
                    f.problem(f.key("choices"), "a choice field needs its choices, e.g. [是, 否]");
                } else if (t != FieldType.CHOICE && f.has("choices")) {
                    f.problem(f.key("choices"), "only a choice field has choices");
                }
            });
            Optional<Prefill> prefill = f.string("prefill", false).flatMap(p -> prefill(f, p, type));
            if (f.problemCount() == before) {
                out.add(new FormField(key.orElseThrow(), label.orElseThrow(), type.orElseThrow(), required, pattern,
                        invalid, choices, prefill));
            }
        }
        return out;
    }

    private static Optional<Pattern> compile(YamlSection f, String regex) {
        try {
            return Optional.of(Pattern.compile(regex));
        } catch (PatternSyntaxException e) {
            f.problem(f.key("pattern"), "not a valid regular expression: " + e.getDescription() + " near index "
                    + e.getIndex() + " of '" + regex + "'");
            return Optional.empty();
        }
    }

    private static Optional<Prefill> prefill(YamlSection f, String written, Optional<FieldType> type) {
        Optional<Prefill> prefill = Prefill.fromConfig(written);
        if (prefill.isEmpty()) {
            List<String> known = java.util.Arrays.stream(Prefill.values()).map(Prefill::configName).toList();
            f.problem(f.key("prefill"), "unknown source '" + written + "'; known: " + String.join(", ", known));
            return prefill;
        }
        FieldType needed = switch (prefill.get()) {
            case ID_NUMBER -> FieldType.ID_NUMBER;
            case PHONE -> FieldType.PHONE;
            case BIRTH_DATE -> FieldType.DATE;
            default -> null;
        };
        if (needed != null && type.isPresent() && type.get() != needed) {
            f.problem(f.key("prefill"), written + " fills a field of type " + needed.configName() + ", this one is "
                    + type.get().configName());
            return Optional.empty();
        }
        return prefill;
    }

    private static LocalizedText text(YamlSection.Localized written) {
        return new LocalizedText(written.zh(), written.en(), written.ug());
    }
}
