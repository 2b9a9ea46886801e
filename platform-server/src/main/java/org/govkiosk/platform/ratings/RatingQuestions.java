package org.govkiosk.platform.ratings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.govkiosk.shared.config.YamlFiles;
import org.govkiosk.shared.config.YamlSection;

/**
 * What the phone page asks about an item beyond the five levels (细化评价问询表单), from the terminals' catalog.yaml:
 * each item may list {@code rating-questions}, each {@code {code: ..., text: {zh: ..., en: ...}}}, answered on the
 * same five levels and stored as indicator levels under their code. Also the items' names in both languages, so
 * the English page names the item in English. Only {@code items[].code}, {@code name} and
 * {@code rating-questions} are read here; the terminal's catalog loader checks the rest.
 */
final class RatingQuestions {

    /** One question: its code (the indicator code the answer is stored under) and its text. */
    record Question(String code, String zh, String en) {
    }

    /** An item's name in Chinese and, where the catalog gives it, English. */
    record ItemName(String zh, Optional<String> en) {
    }

    static final int MAX_QUESTIONS = 8;
    private static final String CODE = "[A-Za-z0-9_-]{1,32}";
    /** The reasons a bad rating asks for (the offline indicators); item questions may not take these codes. */
    static final List<String> REASONS = List.of("OVERALL", "SERVICE_EFFICIENCY", "SERVICE_LEVEL", "SERVICE_ATTITUDE");

    private final Map<String, List<Question>> byItem;
    private final Map<String, ItemName> names;

    RatingQuestions(Map<String, List<Question>> byItem, Map<String, ItemName> names) {
        this.byItem = Map.copyOf(byItem);
        this.names = Map.copyOf(names);
    }

    static RatingQuestions none() {
        return new RatingQuestions(Map.of(), Map.of());
    }

    List<Question> forItem(String itemCode) {
        return byItem.getOrDefault(itemCode, List.of());
    }

    Optional<ItemName> name(String itemCode) {
        return Optional.ofNullable(names.get(itemCode));
    }

    /**
     * @throws IllegalArgumentException with every problem, each as {@code catalog.yaml: items[3].rating-questions...}
     */
    static RatingQuestions read(Path file) {
        List<String> problems = new ArrayList<>();
        Path dir = file.toAbsolutePath().getParent();
        String fileName = file.getFileName().toString();
        Map<String, List<Question>> byItem = new HashMap<>();
        Map<String, ItemName> names = new HashMap<>();
        YamlFiles.readMapping(dir, fileName, "sections of keys", problems).ifPresent(node -> {
            YamlSection root = YamlSection.root(fileName, node, problems);
            List<YamlSection> items = root.list("items", true);
            List<Optional<String>> zhNames = new ArrayList<>();
            for (YamlSection item : items) {
                Optional<String> code = item.quotedString("code", true);
                Optional<String> name = item.translatable("name", true);
                zhNames.add(name);
                List<Question> questions = new ArrayList<>();
                Set<String> seen = new HashSet<>();
                List<YamlSection> listed = item.list("rating-questions", false);
                if (listed.size() > MAX_QUESTIONS) {
                    item.problem(item.key("rating-questions"), "at most " + MAX_QUESTIONS + " questions, got "
                            + listed.size());
                }
                for (YamlSection q : listed) {
                    q.onlyKeys("code", "text");
                    Optional<String> qCode = q.string("code", true);
                    Optional<YamlSection.Localized> text = q.localized("text", true);
                    if (qCode.isPresent() && !qCode.get().matches(CODE)) {
                        q.problem(q.key("code"), "must be 1 to 32 of A-Z, a-z, 0-9, '_' and '-', got '"
                                + qCode.get() + "'");
                    } else if (qCode.isPresent() && REASONS.contains(qCode.get())) {
                        q.problem(q.key("code"), "'" + qCode.get() + "' is an indicator of every rating; give the"
                                + " item's question a code of its own");
                    } else if (qCode.isPresent() && !seen.add(qCode.get())) {
                        q.problem(q.key("code"), "'" + qCode.get() + "' is listed twice for this item");
                    } else if (qCode.isPresent() && text.isPresent()) {
                        questions.add(new Question(qCode.get(), text.get().zh(), text.get().en()));
                    }
                }
                if (code.isPresent() && !questions.isEmpty()) {
                    byItem.put(code.get(), List.copyOf(questions));
                }
            }
            Map<String, String> english = root.translations();
            for (int i = 0; i < items.size(); i++) {
                Optional<String> code = items.get(i).quotedString("code", false);
                Optional<String> zh = zhNames.get(i);
                if (code.isPresent() && zh.isPresent()) {
                    names.put(code.get(), new ItemName(zh.get(), Optional.ofNullable(english.get(zh.get()))));
                }
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return new RatingQuestions(byItem, names);
    }
}
