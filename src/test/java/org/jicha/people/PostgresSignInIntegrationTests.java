package org.jicha.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * V17 and the sign-in SQL on the local PostgreSQL (127.0.0.1:5432, database {@code test}), in a schema of its own
 * made anew for each run: failures counted by many requests at once start exactly one lockout (as nodes of a
 * cluster would), and the account rules (last administrator, sessions ended, row locks) hold there.
 */
@ActiveProfiles("postgres")
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema="
                    + PostgresSignInIntegrationTests.SCHEMA,
            "spring.datasource.username=postgres",
            "spring.flyway.schemas=" + PostgresSignInIntegrationTests.SCHEMA,
            "spring.quartz.auto-startup=false",
            "jicha.security.initial-admin-password=" + PostgresSignInIntegrationTests.ADMIN_PW
        })
@AutoConfigureMockMvc
class PostgresSignInIntegrationTests {

    static final String SCHEMA = "jicha_signin_it";
    static final String ADMIN_PW = "pg-chief-pw-1";

    @BeforeAll
    static void freshSchema() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SignInGuard guard;

    @Autowired
    UserAccounts accounts;

    @Autowired
    MockMvc mvc;

    @Test
    void failuresCountedByManyRequestsAtOnceStartExactlyOneLockout() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                String address = "10.8.0." + t;
                Callable<Void> guesses = () -> {
                    for (int i = 0; i < 3; i++) {
                        guard.failed("racer", address, null, "BadCredentialsException");
                    }
                    return null;
                };
                done.add(pool.submit(guesses));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM audit_trail WHERE action = 'LOGIN_LOCKED' AND actor = 'racer'",
                        Long.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM audit_trail WHERE action = 'LOGIN_FAILED' AND actor = 'racer'",
                        Long.class))
                .isEqualTo(24);
        assertThat(guard.refusal("racer", "10.8.0.99")).contains(SignInGuard.Refusal.USER_LOCKED);
        assertThat(guard.lockedUntil("racer")).isPresent();
    }

    @Test
    void theAccountRulesHoldOnPostgres() throws Exception {
        accounts.create(
                Actor.SYSTEM, new UserAccounts.NewUser("pgchen", "auditor-pw-1", "陈", Role.AUDITOR, null, null, false));
        MockHttpSession session = (MockHttpSession) mvc.perform(post("/login")
                        .param("username", "pgchen")
                        .param("password", "auditor-pw-1")
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getRequest()
                .getSession(false);
        mvc.perform(get("/api/me").session(session)).andExpect(status().isOk());

        mvc.perform(put("/api/users/admin/enabled").param("value", "false").with(httpBasic("admin", ADMIN_PW)))
                .andExpect(status().isConflict());
        mvc.perform(put("/api/users/pgchen/enabled").param("value", "false").with(httpBasic("admin", ADMIN_PW)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/me").session(session)).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/users/pgchen/unlock").with(httpBasic("admin", ADMIN_PW)))
                .andExpect(status().isOk());

        assertThat(jdbc.queryForList(
                        "SELECT action FROM audit_trail WHERE target = 'pgchen' ORDER BY id", String.class))
                .containsExactly("USER_CREATED", "USER_DISABLED", "SESSION_ENDED", "UNLOCKED");
    }
}
