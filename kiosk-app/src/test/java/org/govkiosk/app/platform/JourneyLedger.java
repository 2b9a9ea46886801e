package org.govkiosk.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * "Exactly once", per citizen journey: what the crash children said they did (their log), against the platform's
 * cases and its count of every delivery. A journey is the terminal's local case; a child sends some journeys a
 * second time under a new key, as a terminal that lost track of a key would, so a platform that made a second case
 * of it is caught as "doubled", not hidden behind a second key.
 *
 * <p>The log's lines: {@code J key localCase} (the key belongs to that journey), {@code A key} (about to queue),
 * {@code E key} (queued: the citizen was told). Only whole lines count: the last may have been cut.
 */
final class JourneyLedger {

    final Map<String, String> journeyOfKey = new HashMap<>();
    final Set<String> attempted = new HashSet<>();
    final Set<String> told = new HashSet<>();

    static JourneyLedger read(Path log) throws Exception {
        JourneyLedger ledger = new JourneyLedger();
        if (!Files.exists(log)) {
            return ledger;
        }
        String text = new String(Files.readAllBytes(log), StandardCharsets.US_ASCII);
        int end = text.lastIndexOf('\n');
        if (end < 0) {
            return ledger;
        }
        for (String line : text.substring(0, end).split("\n")) {
            String[] f = line.split(" ");
            if (f.length == 3 && f[0].equals("J") && f[1].length() == 36 && f[2].length() == 36) {
                ledger.journeyOfKey.put(f[1], f[2]);
            } else if (f.length == 2 && f[0].equals("A") && f[1].length() == 36) {
                ledger.attempted.add(f[1]);
            } else if (f.length == 2 && f[0].equals("E") && f[1].length() == 36) {
                ledger.told.add(f[1]);
            }
        }
        assertThat(ledger.attempted).as("every key told queued was attempted first").containsAll(ledger.told);
        assertThat(ledger.journeyOfKey.keySet()).as("every key attempted belongs to a journey")
                .containsAll(ledger.attempted);
        return ledger;
    }

    /** What the platform holds, per journey the citizen was told about. */
    record Result(int journeysTold, int keysTold, int resubmittedJourneys, int missing, int doubled,
                  long deliveries, long repeats, Set<String> problems) {

        @Override
        public String toString() {
            return String.format("%d journeys told submitted (%d keys, %d journeys resubmitted under a new key):"
                    + " %d missing, %d doubled; the platform counted %d deliveries, %d of them repeats",
                    journeysTold, keysTold, resubmittedJourneys, missing, doubled, deliveries, repeats);
        }
    }

    Result check(RealPlatform platform) throws Exception {
        Map<String, List<String>> cases = platform.casesByLocalCase();
        Map<String, Map.Entry<String, Long>> deliveries = platform.caseDeliveries();
        Map<String, Set<String>> keysOfJourney = new HashMap<>();
        for (String key : told) {
            keysOfJourney.computeIfAbsent(journeyOfKey.get(key), j -> new TreeSet<>()).add(key);
        }
        Set<String> problems = new TreeSet<>();
        int missing = 0;
        int doubled = 0;
        int resubmitted = 0;
        for (Map.Entry<String, Set<String>> journey : keysOfJourney.entrySet()) {
            List<String> numbers = cases.getOrDefault(journey.getKey(), List.of());
            if (numbers.isEmpty()) {
                missing++;
                problems.add("journey " + journey.getKey() + " told submitted is not on the platform");
            } else if (numbers.size() > 1) {
                doubled++;
                problems.add("journey " + journey.getKey() + " is " + numbers.size() + " cases: " + numbers);
            }
            resubmitted += journey.getValue().size() > 1 ? 1 : 0;
            for (String key : journey.getValue()) {
                Map.Entry<String, Long> d = deliveries.get(key);
                if (d == null) {
                    problems.add("key " + key + " told queued was never delivered");
                } else if (!numbers.contains(d.getKey())) {
                    problems.add("key " + key + " was answered with case " + d.getKey() + ", not its journey's");
                }
            }
        }
        // Nothing on the platform that no child tried to queue.
        Set<String> tried = new HashSet<>();
        attempted.forEach(k -> tried.add(journeyOfKey.get(k)));
        for (String local : cases.keySet()) {
            if (!tried.contains(local)) {
                problems.add("case of local case " + local + " that no terminal tried to queue");
            }
        }
        long total = deliveries.values().stream().mapToLong(Map.Entry::getValue).sum();
        return new Result(keysOfJourney.size(), told.size(), resubmitted, missing, doubled, total,
                total - deliveries.size(), problems);
    }
}
