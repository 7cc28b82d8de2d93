package cn.rdfund.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;
import org.yaml.snakeyaml.Yaml;

/**
 * Every operation of Camunda's engine API (from Camunda's own OpenAPI document) and of RDFund's API (from its
 * /api/openapi), tried as every demo role through every door, against what security/allow-list.yaml says. The file
 * is read here on its own, not through the application's classes, so that a mistake in matching shows up.
 *
 * <p>Requests at /engine-rest name an engine that does not exist ({@code /engine-rest/engine/attack-matrix/...}): the
 * allow-list decides before Camunda looks the engine up, so every operation can be tried, as an administrator too,
 * without changing anything. Through the webapps' door they reach the real engine with ids that do not exist and a
 * body it does not accept.
 *
 * <p>Over HTTP, the first and the last operation of every family are tried as every role through both doors: that
 * checks that the guard stands in front of every family at each door and sees the caller's roles, from Basic
 * credentials or from the webapp session. Every other operation is decided by the same function: one
 * {@code EngineApiGuard} with one allow-list stands in both filter chains (SecurityConfiguration) and decides from the
 * method, the path relative to the engine ({@code EnginePaths.enginePath}, which strips either door's prefix and
 * engine name) and the caller's roles. {@code EnginePathsTest} checks that decision for every operation of Camunda's
 * document as every role without HTTP, against what this class reads from the file.
 */
public final class AttackMatrix {

    /** A demo user of each role (password = user id). */
    public static final Map<String, String> USERS = Map.of("applicant", "applicant", "expert", "expert1",
            "staff", "kjj", "finance", "finance", "auditor", "auditor", "admin", "admin");
    private static final String NO_ENGINE = "attack-matrix";
    private static final List<String> ENGINE_REFUSALS = List.of("不在允许清单中", "不能执行此操作");
    private static final String API_REFUSAL = "您的角色不能调用此接口";
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Operation(String method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private final int port;
    private final HttpClient client = HttpClient.newHttpClient();
    private final Map<String, Object> allowList = loadAllowList();

    public AttackMatrix(int port) {
        this.port = port;
    }

    /** Camunda's engine REST operations, as its OpenAPI document lists them. */
    public static List<Operation> engineOperations() {
        try (InputStream in = new ClassPathResource("openapi.json").getInputStream()) {
            List<Operation> operations = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> paths = JSON.readTree(in).path("paths").fields();
            while (paths.hasNext()) {
                Map.Entry<String, JsonNode> path = paths.next();
                path.getValue().fieldNames().forEachRemaining(method -> {
                    if (Set.of("get", "post", "put", "delete", "patch", "options").contains(method)) {
                        operations.add(new Operation(method.toUpperCase(Locale.ROOT), path.getKey()));
                    }
                });
            }
            return operations;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The operations of Camunda's OpenAPI document that no family of the allow-list names. */
    public List<Operation> unclassifiedEngineOperations() {
        Set<String> listed = new LinkedHashSet<>();
        families().values().forEach(family -> listed.addAll(strings(family.get("operations"))));
        return engineOperations().stream().filter(op -> !listed.contains(op.toString())).toList();
    }

    /** Operations the allow-list names that are neither in Camunda's document nor declared as missing from it. */
    public List<String> staleEngineOperations() {
        Set<String> known = new LinkedHashSet<>(engineOperations().stream().map(Operation::toString).toList());
        known.addAll(strings(allowList.get("not-in-openapi")));
        List<String> stale = new ArrayList<>();
        families().values().forEach(family -> strings(family.get("operations")).stream()
                .filter(operation -> !known.contains(operation)).forEach(stale::add));
        return stale;
    }

    /** The roles the allow-list gives an engine operation. */
    public Set<String> rolesFor(Operation operation) {
        for (Map<String, Object> family : families().values()) {
            if (strings(family.get("operations")).contains(operation.toString())) {
                return new LinkedHashSet<>(strings(family.get("roles")));
            }
        }
        return Set.of();
    }

    /**
     * The first and last operation of every family as every role, over HTTP Basic at /engine-rest and with a webapp
     * login at /camunda/api/engine: the lines where the answer differs from the allow-list.
     */
    public List<String> engineViolations() {
        // One thread per role: the requests of a role depend on nothing another role does.
        return USERS.entrySet().parallelStream()
                .flatMap(role -> engineViolations(role.getKey(), role.getValue()).stream())
                .toList();
    }

    private List<String> engineViolations(String role, String user) {
        List<String> violations = new ArrayList<>();
        WebappLogin.Browser browser = WebappLogin.session(port, user);
        for (Operation operation : familySample()) {
            boolean allowed = rolesFor(operation).contains(role);
            String path = operation.path().equals("/engine") ? "/engine" : "/engine/" + NO_ENGINE + concrete(operation.path());
            HttpResponse<String> rest = basic(user, operation.method(), "/engine-rest" + path);
            check(violations, "/engine-rest", role, operation, allowed, rest, ENGINE_REFUSALS);
            // A webapp session ends when it asks for another engine: this door uses the real one, with a body
            // the engine API does not accept (415), so that what is let through changes nothing either.
            String webappPath = operation.path().equals("/engine") ? "/engine/"
                    : "/engine/default" + concrete(operation.path());
            HttpResponse<String> webapp = browser.send(operation.method(), "/camunda/api/engine" + webappPath,
                    "application/xml", operation.method().equals("GET") || operation.method().equals("DELETE")
                            || operation.method().equals("OPTIONS") ? null : "x");
            check(violations, "/camunda/api/engine", role, operation, allowed, webapp, ENGINE_REFUSALS);
        }
        return violations;
    }

    /** The first and the last operation of every family of the allow-list, as Camunda's document names them. */
    public Set<Operation> familySample() {
        Set<String> documented = new LinkedHashSet<>(engineOperations().stream().map(Operation::toString).toList());
        Set<Operation> sample = new LinkedHashSet<>();
        families().values().forEach(family -> {
            List<String> operations = strings(family.get("operations")).stream().filter(documented::contains).toList();
            if (!operations.isEmpty()) {
                sample.add(parse(operations.get(0)));
                sample.add(parse(operations.get(operations.size() - 1)));
            }
        });
        return sample;
    }

    private static Operation parse(String line) {
        String[] parts = line.split(" ", 2);
        return new Operation(parts[0], parts[1]);
    }

    /** RDFund's API operations (its OpenAPI document), as every role: where the answer differs from the rules. */
    public List<String> apiViolations() {
        List<Operation> operations = apiOperations();
        List<String> violations = new ArrayList<>(operations.stream().filter(operation -> firstApiRule(operation) == null)
                .map(operation -> "unclassified: " + operation).toList());
        // One thread per role, as for the engine API.
        violations.addAll(USERS.entrySet().parallelStream()
                .flatMap(role -> apiViolations(operations, role.getKey(), role.getValue()).stream())
                .toList());
        return violations;
    }

    private List<String> apiViolations(List<Operation> operations, String role, String user) {
        List<String> violations = new ArrayList<>();
        for (Operation operation : operations) {
            Map<String, Object> rule = firstApiRule(operation);
            if (rule != null) {
                boolean allowed = strings(rule.get("roles")).contains(role);
                HttpResponse<String> response = basic(user, operation.method(), concreteApi(operation.path()));
                check(violations, "/api", role, operation, allowed, response, List.of(API_REFUSAL));
            }
        }
        return violations;
    }

    public List<Operation> apiOperations() {
        try {
            JsonNode document = JSON.readTree(basic("admin", "GET", "/api/openapi").body());
            List<Operation> operations = new ArrayList<>();
            document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(
                    method -> operations.add(new Operation(method.toUpperCase(Locale.ROOT), path.getKey()))));
            return operations;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Object> firstApiRule(Operation operation) {
        PathContainer path = PathContainer.parsePath(concreteApi(operation.path()).replaceAll("\\?.*", ""));
        for (Object value : (List<?>) allowList.get("api")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> rule = (Map<String, Object>) value;
            String[] request = ((String) rule.get("request")).split("\\s+", 2);
            if (request[0].equals(operation.method())
                    && PathPatternParser.defaultInstance.parse(request[1]).matches(path)) {
                return rule;
            }
        }
        return null;
    }

    private static void check(List<String> violations, String door, String role, Operation operation, boolean allowed,
            HttpResponse<String> response, List<String> refusals) {
        boolean refused = response.statusCode() == 403 && refusals.stream().anyMatch(response.body()::contains);
        if (allowed == refused) {
            violations.add(door + " " + role + " " + operation + " → " + response.statusCode()
                    + (allowed ? " refused, the allow-list gives it" : " not refused, the allow-list does not give it")
                    + ": " + response.body().substring(0, Math.min(160, response.body().length())));
        }
    }

    private HttpResponse<String> basic(String user, String method, String path) {
        boolean withBody = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        // Java's client sends OPTIONS only through method(), like the others.
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, withBody ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody())
                .build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(method + " " + path, e);
        }
    }

    /** An operation's path with every parameter filled by an id that does not exist. */
    public static String concrete(String template) {
        return template.replaceAll("\\{[^}]+}", "attack-matrix-0");
    }

    private static String concreteApi(String template) {
        return template.replace("{kind}", "project").replace("{format}", "csv").replaceAll("\\{[^}]+}", "999999");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> families() {
        return new LinkedHashMap<>((Map<String, Map<String, Object>>) allowList.get("families"));
    }

    private static Map<String, Object> loadAllowList() {
        try (InputStream in = new ClassPathResource("security/allow-list.yaml").getInputStream()) {
            return new Yaml().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return value == null ? List.of() : (List<String>) value;
    }
}
