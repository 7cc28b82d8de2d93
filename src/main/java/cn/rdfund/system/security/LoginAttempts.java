package cn.rdfund.system.security;

import cn.rdfund.system.security.LoginThrottle.Attempt;
import cn.rdfund.system.security.LoginThrottle.Permit;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.function.BooleanSupplier;

/**
 * Where the request's source meets the engine's password check. {@link LoginThrottleFilter} tells, for the length
 * of one request, where it comes from and (for the logins it recognizes) the permit it already took; every password
 * the engine checks during that request goes through {@link #check}: HTTP Basic, the webapps' login form, and any
 * other engine call that checks one (e.g. {@code POST /engine-rest/identity/verify}). Outside a request (start-up,
 * jobs) passwords are checked as they are.
 */
final class LoginAttempts {

    private record RequestLogin(String source, Permit permit) {
    }

    private final LoginThrottle throttle;
    private final ThreadLocal<RequestLogin> current = new ThreadLocal<>();

    LoginAttempts(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    /** Runs the rest of the request from this source, with the permit its recognized login took (or none). */
    void during(String source, Permit permit, RestOfRequest request) throws IOException, ServletException {
        current.set(new RequestLogin(source, permit));
        try {
            request.run();
        } finally {
            current.remove();
            if (permit != null) {
                permit.abandoned();
            }
        }
    }

    /** The password check, counted for this request's source; refused unchecked while the source must wait. */
    boolean check(String userId, BooleanSupplier passwordMatches) {
        RequestLogin login = current.get();
        if (login == null) {
            return passwordMatches.getAsBoolean();
        }
        Permit permit = login.permit() != null && login.permit().isFor(userId) ? login.permit() : null;
        if (permit == null) {
            Attempt attempt = throttle.begin(login.source(), userId);
            if (!(attempt instanceof Permit taken)) {
                return false;
            }
            permit = taken;
        }
        boolean matches;
        try {
            matches = passwordMatches.getAsBoolean();
        } catch (RuntimeException e) {
            permit.abandoned();
            throw e;
        }
        if (matches) {
            permit.succeeded();
        } else {
            permit.failed();
        }
        return matches;
    }

    @FunctionalInterface
    interface RestOfRequest {
        void run() throws IOException, ServletException;
    }
}
