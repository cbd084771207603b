package org.jicha.people;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who may call what. Pages sign in with a form (session, CSRF token on every form); API clients may
 * instead send HTTP Basic credentials with each request, and such requests need no CSRF token (a
 * browser never adds that header on its own for a form-login session). An unauthenticated API call
 * gets 401, a page redirects to the sign-in form. Ticket actions are checked again by the workflow,
 * per state, role and unit.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    private static final String ADMIN = Role.ADMIN.name();
    private static final String AUDITOR = Role.AUDITOR.name();
    private static final String SUPERVISOR = Role.SUPERVISOR.name();

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/error", "/favicon.ico", "/css/**", "/js/**", "/webjars/**",
                                "/images/**").permitAll()
                        .requestMatchers("/api/users/**").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/loads/**", "/api/runs/**", "/api/rules/**",
                                "/api/plans/**", "/api/overview", "/api/trail/**")
                        .hasAnyRole(ADMIN, AUDITOR, SUPERVISOR)
                        .requestMatchers("/api/loads/**", "/api/runs/**", "/api/rules/**", "/api/plans/**")
                        .hasAnyRole(ADMIN, AUDITOR)
                        // pages: a TEAM user has the dashboard (its own units), tickets and feedback only
                        .requestMatchers(HttpMethod.GET, "/loads/**", "/runs/**", "/rules/**", "/plans/**")
                        .hasAnyRole(ADMIN, AUDITOR, SUPERVISOR)
                        .requestMatchers("/loads/**", "/runs/**", "/rules/**", "/plans/**")
                        .hasAnyRole(ADMIN, AUDITOR)
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false))
                .httpBasic(Customizer.withDefaults())
                .logout(Customizer.withDefaults())
                .csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getHeader("Authorization") != null))
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                request -> !api.matches(request)));
        return http.build();
    }

    @Bean
    WebMvcConfigurer actorParameters(ActorArgumentResolver resolver) {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(java.util.List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(resolver);
            }
        };
    }
}
