package org.jicha.people;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who may call what, and how. Pages sign in with a form (session, CSRF token on every form); API clients may
 * instead send HTTP Basic credentials with each request. Both go through the {@link SignInGuard} (throttling,
 * temporary lockout) and every signed-in request through the {@link AccountStateFilter} (ended sessions, forced
 * password change). An unauthenticated API or actuator call gets 401, a page redirects to the sign-in form. The
 * operator's view: {@code /actuator/health} answers its status to anyone, its components only to ADMIN, and
 * {@code /actuator/prometheus} and {@code /actuator/metrics} only to ADMIN. Ticket actions
 * are checked again by the workflow, per state, role and unit.
 * <p>
 * CSRF: the token is required of every state-changing request except one that carries HTTP Basic credentials
 * and no session; such a request is then authenticated by HTTP Basic or refused with 401 before it reaches any
 * controller (a wrong Basic header is never ignored). Any other {@code Authorization} header ({@code Bearer x})
 * and any request with a session need the token. A browser never sends Basic credentials on its own: no answer
 * carries a {@code WWW-Authenticate: Basic} challenge, so it never prompts for them and never caches them.
 * <p>
 * Headers: a Content-Security-Policy allowing only this origin's scripts, styles, images and fonts (no inline
 * script or style, no eval; pages keep their scripts in {@code static/js}), {@code frame-ancestors 'none'} and
 * {@code X-Frame-Options: DENY}, {@code Referrer-Policy: same-origin}, {@code X-Content-Type-Options: nosniff}.
 * The session cookie is {@code HttpOnly; SameSite=Lax} and {@code Secure} over HTTPS (application.yml).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private static final String ADMIN = Role.ADMIN.name();
    private static final String AUDITOR = Role.AUDITOR.name();
    private static final String SUPERVISOR = Role.SUPERVISOR.name();

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            UserDetailsService users,
            PasswordEncoder encoder,
            SignInGuard guard,
            AuthenticationEventPublisher events,
            UserAccounts accounts,
            AuditTrail trail)
            throws Exception {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        ProviderManager authentication = new ProviderManager(new ThrottledAuthentication(passwords, guard));
        authentication.setAuthenticationEventPublisher(events);

        RequestMatcher api = new OrRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
                PathPatternRequestMatcher.withDefaults().matcher("/actuator/**"));
        HttpStatusEntryPoint unauthorized = new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED);
        http.authenticationManager(authentication)
                .authorizeHttpRequests(a -> a.requestMatchers(
                                "/login", "/error", "/favicon.ico", "/css/**", "/js/**", "/webjars/**", "/images/**")
                        .permitAll()
                        // the operator's view: the health status for anyone (a load balancer, a monitor), its
                        // components and details, metrics and the Prometheus scrape for ADMIN only (details by
                        // management.endpoint.health.roles); no other endpoint is exposed (application.yml)
                        .requestMatchers(HttpMethod.GET, "/actuator/health")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole(ADMIN)
                        .requestMatchers("/api/users/**", "/api/trail/**", "/trail/**")
                        .hasRole(ADMIN)
                        .requestMatchers(
                                HttpMethod.GET,
                                "/api/loads/**",
                                "/api/runs/**",
                                "/api/rules/**",
                                "/api/plans/**",
                                "/api/overview")
                        .hasAnyRole(ADMIN, AUDITOR, SUPERVISOR)
                        .requestMatchers("/api/loads/**", "/api/runs/**", "/api/rules/**", "/api/plans/**")
                        .hasAnyRole(ADMIN, AUDITOR)
                        // pages: a TEAM user has the dashboard (its own units), tickets and feedback only
                        .requestMatchers(HttpMethod.GET, "/loads/**", "/runs/**", "/rules/**", "/plans/**")
                        .hasAnyRole(ADMIN, AUDITOR, SUPERVISOR)
                        .requestMatchers("/loads/**", "/runs/**", "/rules/**", "/plans/**")
                        .hasAnyRole(ADMIN, AUDITOR)
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false))
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
                .logout(Customizer.withDefaults())
                .csrf(csrf -> csrf.ignoringRequestMatchers(SecurityConfiguration::basicWithoutSession))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frame -> frame.deny()))
                .addFilterAfter(new AccountStateFilter(accounts, trail), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(unauthorized, api)
                        .defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint("/login"), request -> !api.matches(request)));
        return http.build();
    }

    /**
     * A request of an API client: HTTP Basic credentials and no session (no session cookie, none open). It needs
     * no CSRF token, because BasicAuthenticationFilter authenticates it with those credentials or refuses it.
     */
    static boolean basicWithoutSession(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null
                && authorization.regionMatches(true, 0, "Basic ", 0, 6)
                && request.getRequestedSessionId() == null
                && request.getSession(false) == null;
    }

    @Bean
    WebMvcConfigurer actorParameters(ActorArgumentResolver resolver) {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(resolver);
            }
        };
    }
}
