package org.jicha.people;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks every signed-in request against the user's row, so that a change made on any node takes effect on the
 * next request of every session (sessions are not shared between nodes, the database is):
 * <ul>
 *   <li>a session whose user is gone or disabled, or whose security stamp is older than the user's (role, unit or
 *   password changed, unlocked by an administrator), is ended: invalidated, recorded as {@code SESSION_ENDED},
 *   and the request goes on unauthenticated (401 for the API, the sign-in form for pages);</li>
 *   <li>a user who must change its password (a generated or an administrator's password) reaches only the change
 *   itself ({@code /account/password}, {@code PUT /api/me/password}), {@code GET /api/me} and sign-out: pages are
 *   redirected to the change form, the API (and the actuator's endpoints) answer 403 saying so.</li>
 * </ul>
 * It runs after the authentication filters, so HTTP Basic requests (authenticated just now) pass the same checks.
 * Static files are not checked. Created by {@link SecurityConfiguration}, not a bean (Boot would register a
 * filter bean for every request outside the security chain too).
 */
final class AccountStateFilter extends OncePerRequestFilter {

    static final String CHANGE_PAGE = "/account/password";
    static final String CHANGE_API = "/api/me/password";

    private static final String MUST_CHANGE = """
            {"type":"about:blank","title":"Forbidden","status":403,\
            "detail":"须先修改密码（PUT /api/me/password，或网页 /account/password）/ you must change your password \
            first: PUT /api/me/password, or the page /account/password"}""";

    private final UserAccounts accounts;
    private final AuditTrail trail;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    AccountStateFilter(UserAccounts accounts, AuditTrail trail) {
        this.accounts = accounts;
        this.trail = trail;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        return path.startsWith("/css/")
                || path.startsWith("/js/")
                || path.startsWith("/webjars/")
                || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = holder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof JichaPrincipal principal) {
            Optional<UserAccounts.AccountState> state = accounts.state(principal.username());
            if (state.isEmpty() || !state.get().enabled() || state.get().securityStamp() != principal.securityStamp()) {
                end(request, principal.username(), state);
            } else if (state.get().passwordChangeRequired() && !allowedBeforeTheChange(request)) {
                if (path(request).startsWith("/api/") || path(request).startsWith("/actuator/")) {
                    response.setStatus(HttpStatus.FORBIDDEN.value());
                    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                    response.getWriter().write(MUST_CHANGE);
                } else {
                    response.sendRedirect(request.getContextPath() + CHANGE_PAGE);
                }
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** Ends the session of a user whose account changed; the request continues as nobody's. */
    private void end(HttpServletRequest request, String username, Optional<UserAccounts.AccountState> state) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
            trail.record(
                    username,
                    "SESSION_ENDED",
                    username,
                    state.isEmpty()
                            ? "用户已不存在 / the user no longer exists"
                            : !state.get().enabled()
                                    ? "用户已停用 / the user is disabled"
                                    : "账户已变更（角色、单位、密码或解锁）/ the account changed (role, unit, password or unlock)");
        }
        holder.clearContext();
    }

    private static boolean allowedBeforeTheChange(HttpServletRequest request) {
        String path = path(request);
        return path.equals(CHANGE_PAGE)
                || path.equals(CHANGE_API)
                || path.equals("/logout")
                || path.equals("/login")
                || path.equals("/error")
                || (path.equals("/api/me") && "GET".equals(request.getMethod()));
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
