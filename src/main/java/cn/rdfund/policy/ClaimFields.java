package cn.rdfund.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which facts a measure's claim carries, as the catalogue's claimFields output lists them (comma-separated):
 * {@code category:<the claim form's list for it>}, {@code baseWan}, {@code investment}, {@code outputGrowth}, {@code headcount},
 * {@code requestedWan}, {@code qualified}, {@code roster}, and {@code condition:<a field of the claim form>} for each of the
 * measure's own conditions (a date, a place, a kind, an evidence number) that its award table judges. An unknown word
 * fails, so the catalogue rule is left out rather than claims asked for the wrong facts.
 */
public record ClaimFields(String categoryField, Set<Fact> facts, List<String> conditions) {

    public static final ClaimFields NONE = new ClaimFields(null, Set.of(), List.of());

    private static final String CATEGORY = "category:";
    private static final String CONDITION = "condition:";

    /** The facts besides the category, by the word the catalogue uses for each. */
    public enum Fact {
        BASE("baseWan"),
        /** The investment and the land cost in it; their difference is the base (P5.2's 有效投资, land excluded). */
        INVESTMENT("investment"),
        OUTPUT_GROWTH("outputGrowth"), HEADCOUNT("headcount"), REQUESTED("requestedWan"),
        QUALIFIED("qualified"),
        /** A roster of the people the claim counts (学员名册), each judged by RosterEligibility: the head count. */
        ROSTER("roster");

        private final String word;

        Fact(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    public ClaimFields {
        facts = Set.copyOf(facts);
        conditions = List.copyOf(conditions);
    }

    public ClaimFields(String categoryField, Set<Fact> facts) {
        this(categoryField, facts, List.of());
    }

    public static ClaimFields parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        String category = null;
        Set<Fact> facts = new HashSet<>();
        List<String> conditions = new ArrayList<>();
        for (String word : Arrays.stream(text.split(",")).map(String::strip).filter(w -> !w.isEmpty()).toList()) {
            if (word.startsWith(CATEGORY) && word.length() > CATEGORY.length() && category == null) {
                category = word.substring(CATEGORY.length()).strip();
            } else if (word.startsWith(CONDITION) && word.substring(CONDITION.length()).strip().matches("[A-Za-z]\\w*")) {
                String field = word.substring(CONDITION.length()).strip();
                if (!conditions.contains(field)) {
                    conditions.add(field);
                }
            } else {
                facts.add(Arrays.stream(Fact.values()).filter(f -> f.word.equals(word)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("申领表填写项不认识：" + word)));
            }
        }
        return new ClaimFields(category, facts, conditions);
    }

    public Optional<String> category() {
        return Optional.ofNullable(categoryField);
    }

    public boolean has(Fact fact) {
        return facts.contains(fact);
    }

    /** As the catalogue writes it: the category first, then the facts in a fixed order. */
    public List<String> words() {
        List<String> words = new ArrayList<>();
        category().ifPresent(field -> words.add(CATEGORY + field));
        Arrays.stream(Fact.values()).filter(this::has).map(Fact::word).forEach(words::add);
        conditions.forEach(field -> words.add(CONDITION + field));
        return words;
    }
}
