package cn.rdfund.system.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.Yaml;

/**
 * Which requests exist for which role (security/allow-list.yaml, shown in docs/security.md): RDFund's API as ordered
 * rules, Camunda's engine API as families of operations. An engine operation is a method and a path template relative
 * to the engine, as Camunda's OpenAPI document names it, e.g. {@code POST /task/{id}/complete}; every operation
 * belongs to exactly one family.
 */
final class AllowList {

    static final String RESOURCE = "security/allow-list.yaml";

    record Family(String id, String title, boolean changes, Set<Role> roles, List<Operation> operations) {

        boolean allows(Set<Role> callerRoles) {
            return AllowList.allows(roles, changes, callerRoles);
        }
    }

    record Operation(String method, String template, List<String> segments) {

        static Operation parse(String line) {
            String[] parts = line.trim().split("\\s+", 2);
            return new Operation(parts[0].toUpperCase(Locale.ROOT), parts[1], segmentsOf(parts[1]));
        }

        boolean matches(String requestMethod, List<String> path) {
            if (!method.equals(requestMethod) || path.size() != segments.size()) {
                return false;
            }
            for (int i = 0; i < segments.size(); i++) {
                if (!isParameter(i) && !segments.get(i).equals(path.get(i))) {
                    return false;
                }
            }
            return true;
        }

        boolean isParameter(int index) {
            return segments.get(index).startsWith("{");
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    /**
     * Literal segments win over parameters, the leftmost difference deciding, as JAX-RS chooses between
     * {@code /process-definition/key/{key}} and {@code /process-definition/{id}/xml}.
     */
    private static final Comparator<Operation> MOST_SPECIFIC = (a, b) -> {
        for (int i = 0; i < a.segments().size(); i++) {
            if (a.isParameter(i) != b.isParameter(i)) {
                return a.isParameter(i) ? 1 : -1;
            }
        }
        return 0;
    };

    /** A rule of RDFund's API: a method and a Spring path pattern, e.g. {@code GET /api/projects/**}. */
    record ApiRule(String method, String pattern, Set<Role> roles) {

        boolean changes() {
            return !"GET".equals(method);
        }

        boolean allows(Set<Role> callerRoles) {
            return AllowList.allows(roles, changes(), callerRoles);
        }
    }

    /**
     * A user in several roles gets the union of what they give; an auditor changes nothing, so something that changes
     * is theirs only where the rule names auditors itself.
     */
    private static boolean allows(Set<Role> given, boolean changes, Set<Role> callerRoles) {
        if (callerRoles.contains(Role.AUDITOR) && changes && !given.contains(Role.AUDITOR)) {
            return false;
        }
        return callerRoles.stream().anyMatch(given::contains);
    }

    private final List<ApiRule> apiRules;
    private final List<Family> families;
    private final Map<String, Set<Role>> webappPlugins;
    /** Every request of Tasklist passes here: the operations by method and number of path segments. */
    private final Map<String, List<Classified>> byShape = new HashMap<>();

    private AllowList(List<ApiRule> apiRules, List<Family> families, Map<String, Set<Role>> webappPlugins) {
        this.apiRules = List.copyOf(apiRules);
        this.families = List.copyOf(families);
        this.webappPlugins = Map.copyOf(webappPlugins);
        for (Family family : families) {
            for (Operation operation : family.operations()) {
                byShape.computeIfAbsent(shape(operation.method(), operation.segments().size()), key -> new ArrayList<>())
                        .add(new Classified(family, operation));
            }
        }
    }

    private static String shape(String method, int segments) {
        return method + " " + segments;
    }

    static AllowList load() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            Map<String, Object> raw = new Yaml().load(in);
            List<ApiRule> apiRules = new ArrayList<>();
            for (Object value : (List<?>) raw.get("api")) {
                Map<?, ?> rule = (Map<?, ?>) value;
                String[] request = ((String) rule.get("request")).trim().split("\\s+", 2);
                apiRules.add(new ApiRule(request[0].toUpperCase(Locale.ROOT), request[1], roles(rule.get("roles"))));
            }
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> document = (Map<String, Map<String, Object>>) (Map<?, ?>) raw;
            List<Family> families = new ArrayList<>();
            new LinkedHashMap<>(document.get("families")).forEach((id, value) -> {
                @SuppressWarnings("unchecked")
                Map<String, Object> family = (Map<String, Object>) value;
                families.add(new Family(id, (String) family.get("title"), Boolean.TRUE.equals(family.get("changes")),
                        roles(family.get("roles")), strings(family.get("operations")).stream().map(Operation::parse).toList()));
            });
            Map<String, Set<Role>> plugins = new LinkedHashMap<>();
            document.get("webapp-plugins").forEach((app, roles) -> plugins.put(app, roles(roles)));
            return new AllowList(apiRules, families, plugins);
        } catch (IOException e) {
            throw new UncheckedIOException("引擎接口允许清单无法读取: " + RESOURCE, e);
        }
    }

    List<Family> families() {
        return families;
    }

    List<ApiRule> apiRules() {
        return apiRules;
    }

    /** Who may use a webapp's plugin API ({@code tasklist}, {@code cockpit}, {@code admin}); nobody for others. */
    Set<Role> webappPluginUsers(String app) {
        return webappPlugins.getOrDefault(app, Set.of());
    }

    Map<String, Set<Role>> webappPlugins() {
        return webappPlugins;
    }

    /** The operation a request names and its family; empty when nobody classified it. */
    Optional<Classified> classify(String method, String enginePath) {
        List<String> path = segmentsOf(enginePath);
        return byShape.getOrDefault(shape(method, path.size()), List.of()).stream()
                .filter(classified -> classified.operation().matches(method, path))
                .min(Comparator.comparing(Classified::operation, MOST_SPECIFIC));
    }

    record Classified(Family family, Operation operation) {
    }

    static List<String> segmentsOf(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        return segments;
    }

    private static Set<Role> roles(Object keys) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        strings(keys).forEach(role -> roles.add(Role.ofKey(role)));
        return roles;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return value == null ? List.of() : (List<String>) value;
    }
}
