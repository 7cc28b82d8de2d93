package cn.rdfund.system.security;

import cn.rdfund.system.security.AllowList.Classified;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The allow-list in front of Camunda's engine API and the webapps' plugin APIs: an operation the caller's roles are
 * not given (security/allow-list.yaml) is refused with 403 before Camunda sees it, whoever the caller is
 * and whichever of the two doors (/engine-rest with HTTP Basic, /camunda/api with the webapps' login) they use.
 * Anonymous webapp requests are left to Camunda's own filter, which answers 401.
 */
class EngineApiGuard extends OncePerRequestFilter {

    private static final Pattern WEBAPP_PLUGIN = Pattern.compile("^/camunda/api/([^/]+)/plugin/[^/]+/(static/.*|.*)$");

    private static final String TASK_COMMENT = "POST /task/{id}/comment/create";
    /** Camunda shows a comment from a column of this many characters. */
    private static final int MAX_COMMENT_LENGTH = 4000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AllowList allowList;
    private final WebappSession webappSession;
    private final SealedVariableReads sealedHistoryReads;

    EngineApiGuard(AllowList allowList, WebappSession webappSession, SealedVariableReads sealedHistoryReads) {
        this.allowList = allowList;
        this.webappSession = webappSession;
        this.sealedHistoryReads = sealedHistoryReads;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = EnginePaths.pathOf(request);
        return !EnginePaths.isEngineApi(path) && !WEBAPP_PLUGIN.matcher(path).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = EnginePaths.pathOf(request);
        Optional<CamundaUser> caller = caller(request);
        Matcher plugin = WEBAPP_PLUGIN.matcher(path);
        if (plugin.matches()) {
            boolean staticFile = plugin.group(2).startsWith("static/") && "GET".equals(request.getMethod());
            if (staticFile || caller.isEmpty() || allowList.webappPluginUsers(plugin.group(1)).stream()
                    .anyMatch(Role.of(caller.get().groupIds())::contains)) {
                chain.doFilter(request, response);
            } else {
                EngineErrors.write(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException",
                        "您的角色不能使用" + plugin.group(1) + "的接口");
            }
            return;
        }
        if (caller.isEmpty()) {
            // Only the webapps' door is open without Basic credentials; Camunda's filter answers 401 there.
            chain.doFilter(request, response);
            return;
        }
        Set<Role> roles = Role.of(caller.get().groupIds());
        String enginePath = EnginePaths.enginePath(path).orElseThrow();
        Optional<Classified> operation = allowList.classify(request.getMethod(), enginePath);
        if (operation.isEmpty()) {
            EngineErrors.write(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException",
                    "该接口不在允许清单中：" + request.getMethod() + " " + enginePath);
            return;
        }
        if (!operation.get().family().allows(roles)) {
            EngineErrors.write(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException",
                    "您的角色（" + names(roles) + "）不能执行此操作：" + operation.get().family().title());
            return;
        }
        if (!roles.contains(Role.ADMIN) && sealedHistoryReads.applies(operation.get().operation())) {
            CachedBodyRequest readable = CachedBodyRequest.of(request);
            Optional<String> sealed = sealedHistoryReads.refusal(operation.get().operation(), readable);
            if (sealed.isPresent()) {
                EngineErrors.write(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException", sealed.get());
                return;
            }
            request = readable;
        }
        if (!roles.contains(Role.ADMIN) && TASK_COMMENT.equals(operation.get().operation().toString())) {
            CachedBodyRequest readable = CachedBodyRequest.of(request);
            Optional<String> refused = commentRefusal(readable.body());
            if (refused.isPresent()) {
                EngineErrors.write(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException", refused.get());
                return;
            }
            request = readable;
        }
        chain.doFilter(request, response);
    }

    /**
     * A comment stays on its task: Camunda would file it under whatever process instance the body names, unchecked;
     * and it fits the column Camunda shows it from.
     */
    private static Optional<String> commentRefusal(byte[] body) {
        JsonNode comment;
        try {
            comment = JSON.readTree(body);
        } catch (IOException unreadable) {
            return Optional.of("意见的内容无法解析");
        }
        if (comment == null || !comment.isObject()) {
            return Optional.of("意见的内容无法解析");
        }
        if (comment.has("processInstanceId") && !comment.get("processInstanceId").isNull()) {
            return Optional.of("意见只能记在本任务上，不能指定流程实例（processInstanceId）");
        }
        String message = comment.path("message").asText("");
        if (message.codePointCount(0, message.length()) > MAX_COMMENT_LENGTH) {
            return Optional.of("意见（message）过长：最多" + MAX_COMMENT_LENGTH + "字");
        }
        return Optional.empty();
    }

    private Optional<CamundaUser> caller(HttpServletRequest request) {
        Authentication login = SecurityContextHolder.getContext().getAuthentication();
        if (login != null && login.getPrincipal() instanceof CamundaUser user) {
            return Optional.of(user);
        }
        return webappSession.sessionUserOf(request);
    }

    private static String names(Set<Role> roles) {
        return roles.isEmpty() ? "无角色" : String.join("、", roles.stream().map(Role::displayName).toList());
    }
}
