package cn.rdfund;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a form shows a person — labels, texts, descriptions, options — is Chinese: no API paths, decision ids or other
 * developer words (measure codes such as P1.1a and the date pattern YYYY-MM-DD are what users write).
 */
class FormsInChineseTest {

    private static final Set<String> SHOWN = Set.of("label", "text", "description", "dateLabel", "timeLabel");
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z/_:]{2,}");
    private static final Set<String> USERS_WRITE = Set.of("YYYY");

    @Test
    void everyFormSpeaksChineseToItsUsers() throws IOException {
        List<String> english = new ArrayList<>();
        try (Stream<Path> forms = Files.walk(Path.of("bpmn"))) {
            for (Path form : forms.filter(path -> path.toString().endsWith(".form")).toList()) {
                collect(new ObjectMapper().readTree(form.toFile()), form.getFileName().toString(), english);
            }
        }
        assertThat(english).isEmpty();
    }

    private static void collect(JsonNode node, String form, List<String> english) {
        node.fields().forEachRemaining(field -> {
            if (SHOWN.contains(field.getKey()) && field.getValue().isTextual()) {
                // Templates are filled in, and a markdown link shows its text, not its target.
                String shown = field.getValue().asText().replaceAll("\\{\\{[^}]*}}", "").replaceAll("]\\([^)]*\\)", "]");
                WORD.matcher(shown).results().map(MatchResult::group).filter(word -> !USERS_WRITE.contains(word))
                        .forEach(word -> english.add(form + ": " + word));
            }
            collect(field.getValue(), form, english);
        });
        if (node.isArray()) {
            node.forEach(element -> collect(element, form, english));
        }
    }
}
