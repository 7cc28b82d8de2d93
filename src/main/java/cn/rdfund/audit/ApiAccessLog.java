package cn.rdfund.audit;

import cn.rdfund.system.Rows;
import cn.rdfund.system.Texts;
import cn.rdfund.system.security.CamundaUser;
import cn.rdfund.system.security.WebappSession;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records who read what: every authenticated request to RDFund's API (/api/**) and every data request of Camunda's
 * webapps (Tasklist, Cockpit: /camunda/api/**, user from the webapp login) with user, method, path, query, answer
 * status and time, so that auditors can see who viewed a case, a task or the ledger. Left out: the webapps' counters
 * and task-list filters, which Tasklist polls every few seconds, and their static files. What users changed is in
 * Camunda's history and the ledger.
 */
@Component
public class ApiAccessLog extends OncePerRequestFilter {

    private static final String WEBAPP_DATA = "/camunda/api/";
    private static final Pattern POLLING = Pattern.compile(".*(/count|/filter(/.*)?|/auth/.*|/plugin/.*/static/.*)$");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final WebappSession webappSession;

    ApiAccessLog(JdbcClient jdbc, Clock clock, WebappSession webappSession) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.webappSession = webappSession;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !path.startsWith("/api/") && !(path.startsWith(WEBAPP_DATA) && !POLLING.matcher(path).matches());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            Authentication login = SecurityContextHolder.getContext().getAuthentication();
            // Webapp requests are many (Tasklist): the user comes from the session alone, without a query.
            Optional<String> caller = login != null && login.getPrincipal() instanceof CamundaUser user
                    ? Optional.of(user.id()) : request.getRequestURI().startsWith(WEBAPP_DATA)
                    ? webappSession.userIdOf(request) : Optional.empty();
            caller.ifPresent(userId -> jdbc.sql("""
                    INSERT INTO api_access (user_id, method, path, query, status, accessed_at) VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(userId, request.getMethod(), Texts.clip(request.getRequestURI(), 500),
                            request.getQueryString() == null ? null : Texts.clip(request.getQueryString(), 1000),
                            response.getStatus(), LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS))
                    .update());
        }
    }

    /** One recorded request. */
    public record Access(String userId, String method, String path, String query, int status, LocalDateTime accessedAt) {
    }

    /** Access rows newest first: of one user or everyone, from one day to another (either open), at most {@code limit}. */
    List<Access> rows(String userId, LocalDateTime from, LocalDateTime before, int limit) {
        StringBuilder sql = new StringBuilder("SELECT user_id, method, path, query, status, accessed_at FROM api_access WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (userId != null) {
            sql.append(" AND user_id = ?");
            params.add(userId);
        }
        if (from != null) {
            sql.append(" AND accessed_at >= ?");
            params.add(from);
        }
        if (before != null) {
            sql.append(" AND accessed_at < ?");
            params.add(before);
        }
        params.add(limit);
        return jdbc.sql(sql.append(" ORDER BY id DESC LIMIT ?").toString()).params(params)
                .query(Rows.of(Access.class)).list();
    }
}
