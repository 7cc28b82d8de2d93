package cn.rdfund.audit;

import cn.rdfund.system.Texts;
import cn.rdfund.system.security.CamundaUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records who read what through RDFund's API: every authenticated request to /api/** (user, method, path, query,
 * answer status, time), so that auditors can see who viewed a case or the ledger. Camunda's own REST API and the
 * webapps (Tasklist polls constantly) are not logged here; their actions are in Camunda's history.
 */
@Component
public class ApiAccessLog extends OncePerRequestFilter {

    private final JdbcClient jdbc;
    private final Clock clock;

    ApiAccessLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            Authentication login = SecurityContextHolder.getContext().getAuthentication();
            if (login != null && login.getPrincipal() instanceof CamundaUser user) {
                jdbc.sql("INSERT INTO api_access (user_id, method, path, query, status, accessed_at) VALUES (?, ?, ?, ?, ?, ?)")
                        .params(user.id(), request.getMethod(), Texts.clip(request.getRequestURI(), 500),
                                request.getQueryString() == null ? null : Texts.clip(request.getQueryString(), 1000),
                                response.getStatus(), LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS))
                        .update();
            }
        }
    }

    /** Access rows, newest first, of one user or of everyone (at most {@code limit}). */
    public record Access(String userId, String method, String path, String query, int status, LocalDateTime accessedAt) {
    }

    List<Access> recent(String userId, int limit) {
        String columns = "SELECT user_id, method, path, query, status, accessed_at FROM api_access ";
        return (userId == null ? jdbc.sql(columns + "ORDER BY id DESC LIMIT ?").param(limit)
                : jdbc.sql(columns + "WHERE user_id = ? ORDER BY id DESC LIMIT ?").params(userId, limit))
                .query(Access.class).list();
    }
}
