package cn.rdfund.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/security.md shows the allow-list exactly as security/allow-list.yaml has it: the tables between the markers
 * are rendered from the file, and this test fails (printing the tables to paste) when the two part.
 */
class AllowListDocumentationTest {

    private static final String BEGIN = "<!-- allow-list:begin (rendered from src/main/resources/security/allow-list.yaml "
            + "by AllowListDocumentationTest) -->";
    private static final String END = "<!-- allow-list:end -->";
    private static final List<Role> COLUMNS = List.of(Role.APPLICANT, Role.EXPERT, Role.STAFF, Role.FINANCE,
            Role.AUDITOR, Role.ADMIN);

    @Test
    void securityMdShowsTheAllowListAsTheFileHasIt() throws IOException {
        String docs = Files.readString(Path.of("docs/security.md"), StandardCharsets.UTF_8);
        int begin = docs.indexOf(BEGIN);
        int end = docs.indexOf(END);
        String rendered = render(AllowList.load());

        assertThat(begin).as("docs/security.md has the marker " + BEGIN).isNotNegative();
        assertThat(docs.substring(begin + BEGIN.length(), end).strip())
                .as("docs/security.md's allow-list; paste this between the markers:\n" + rendered)
                .isEqualTo(rendered.strip());
    }

    static String render(AllowList allowList) {
        StringBuilder md = new StringBuilder();
        md.append("**RDFund's API** (`/api/…`; the first matching rule decides, anything else is refused):\n\n");
        md.append(header("request"));
        for (AllowList.ApiRule rule : allowList.apiRules()) {
            md.append(row("`" + rule.method() + " " + rule.pattern() + "`", rule.roles()));
        }
        md.append("\n**Camunda's engine API** (`/engine-rest/…` and `/camunda/api/engine/engine/{engine}/…`), by family:\n\n");
        md.append(header("family"));
        for (AllowList.Family family : allowList.families()) {
            md.append(row("`" + family.id() + "` " + family.title() + (family.changes() ? "（写）" : "（读）")
                    + "，" + family.operations().size() + "个操作", family.roles()));
        }
        md.append("\n**The webapps' plugin APIs** (`/camunda/api/{app}/plugin/…`; their static files are public):\n\n");
        md.append(header("webapp"));
        allowList.webappPlugins().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> md.append(row("`" + entry.getKey() + "`", entry.getValue())));
        md.append("\nThe operations of each family:\n\n");
        for (AllowList.Family family : allowList.families()) {
            md.append("<details><summary><code>").append(family.id()).append("</code> (")
                    .append(family.operations().size()).append(")</summary>\n\n")
                    .append(family.operations().stream().map(op -> "`" + op + "`").collect(Collectors.joining(", ")))
                    .append("\n\n</details>\n");
        }
        return md.toString();
    }

    private static String header(String first) {
        return "| " + first + " | " + COLUMNS.stream().map(Role::displayName).collect(Collectors.joining(" | "))
                + " |\n|---|" + "---|".repeat(COLUMNS.size()) + "\n";
    }

    private static String row(String first, Set<Role> roles) {
        return "| " + first + " | " + COLUMNS.stream().map(role -> roles.contains(role) ? "✓" : "")
                .collect(Collectors.joining(" | ")) + " |\n";
    }
}
