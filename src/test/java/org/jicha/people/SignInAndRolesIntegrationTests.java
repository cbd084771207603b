package org.jicha.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jicha.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Sign-in, the first administrator, roles on the API, CSRF on forms, the HTTP headers and the audit trail; the
 * throttling and lockout of sign-ins, the password policy, sessions that end when their account changes, the
 * last administrator, one's own password and the forced change of a password someone else chose (issue 11).
 * The clock is moved by hand, so lockouts expire without sleeping; each test starts from the first
 * administrator alone, with no failure counted.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:people;DB_CLOSE_DELAY=-1",
            "spring.quartz.auto-startup=false",
            "jicha.security.initial-admin-password=" + SignInAndRolesIntegrationTests.ADMIN_PW
        })
@AutoConfigureMockMvc
class SignInAndRolesIntegrationTests {

    static final String ADMIN_PW = "first-chief-pw";
    static final String CHEN_PW = "auditor-pw-1";

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(Instant.parse("2026-12-07T02:00:00Z"));
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AppUserRepository users;

    @Autowired
    UserAccounts accounts;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    MutableClock clock;

    @BeforeEach
    void people() {
        clock.reset();
        jdbc.update("DELETE FROM app_users");
        accounts.createFirstAdministrator(ADMIN_PW);
        for (String table : List.of("audit_trail", "sign_in_failures", "sign_in_locks", "sign_in_addresses", "units")) {
            jdbc.update("DELETE FROM " + table);
        }
        jdbc.update("INSERT INTO units (unit_code, unit_name, parent_code, unit_type, team_kind) VALUES "
                + "('CO', '县公司', NULL, 'COUNTY', NULL), ('ST1', '城关供电所', 'CO', 'STATION', NULL), "
                + "('ST1-R', '城关抄表班', 'ST1', 'TEAM', 'READING')");
    }

    /** A request from a client address. */
    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** An auditor the system created (no forced change), as the fixtures of other tests do. */
    void chen() {
        accounts.create(Actor.SYSTEM, new UserAccounts.NewUser("chen", CHEN_PW, "陈华", Role.AUDITOR, null, null, false));
    }

    ResultActions basic(String user, String password, String address) throws Exception {
        return mvc.perform(get("/api/me").with(httpBasic(user, password)).with(from(address)));
    }

    /** Signs in through the form and returns the session. */
    MockHttpSession signIn(String user, String password) throws Exception {
        return (MockHttpSession) mvc.perform(post("/login")
                        .param("username", user)
                        .param("password", password)
                        .with(csrf())
                        .with(from("10.9.9.9")))
                .andExpect(redirectedUrl("/"))
                .andReturn()
                .getRequest()
                .getSession(false);
    }

    List<String> trail(String action) {
        return jdbc.queryForList(
                "SELECT actor || ' ' || COALESCE(target, '-') FROM audit_trail WHERE action = ? " + "ORDER BY id",
                String.class,
                action);
    }

    // --- sign-in, roles, CSRF (before issue 11)

    @Test
    void theFirstAdministratorHasTheConfiguredPasswordStoredAsBcrypt() throws Exception {
        AppUser admin = users.findByUsername("admin").orElseThrow();

        assertThat(admin.getRole()).isEqualTo(Role.ADMIN);
        assertThat(admin.getPasswordHash()).startsWith("$2").doesNotContain(ADMIN_PW);
        assertThat(encoder.matches(ADMIN_PW, admin.getPasswordHash())).isTrue();
        assertThat(admin.isPasswordChangeRequired())
                .as("a configured password is the operator's own")
                .isFalse();
        mvc.perform(get("/api/me").with(httpBasic("admin", ADMIN_PW)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("ADMIN"));
        assertThat(users.findByUsername("auditor"))
                .as("demo users exist only in the demo profile")
                .isEmpty();
    }

    @Test
    void nobodyUnauthenticatedGetsInAndPagesRedirectToTheSignInForm() throws Exception {
        mvc.perform(get("/api/tickets")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/tickets").with(httpBasic("admin", "wrong-password")))
                .andExpect(status().isUnauthorized())
                .andExpect(header().doesNotExist(HttpHeaders.WWW_AUTHENTICATE));
        mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        assertThat(jdbc.queryForList("SELECT action FROM audit_trail WHERE actor = 'admin'", String.class))
                .containsExactly("LOGIN_FAILED");
    }

    @Test
    void aFormSignInIsRecordedAndFormsWithoutTheCsrfTokenAreRefused() throws Exception {
        mvc.perform(formLogin("/login").user("admin").password(ADMIN_PW))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/"));
        mvc.perform(post("/login").param("username", "admin").param("password", ADMIN_PW))
                .andExpect(status().isForbidden());

        assertThat(jdbc.queryForList("SELECT action FROM audit_trail WHERE actor = 'admin' ORDER BY id", String.class))
                .containsExactly("LOGIN");
    }

    @Test
    void theAdministratorCreatesATeamUserWhoMayNotRunAuditsNorManageUsers() throws Exception {
        mvc.perform(post("/api/users")
                        .with(httpBasic("admin", ADMIN_PW))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username": "st1r", "password": "team-pw-123", "displayName": "王欣", "role": "TEAM",
                                 "unitCode": "ST1-R", "email": "wx@example.cn", "teamLeader": true}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.roleName").value("被稽查班组"))
                .andExpect(jsonPath("$.passwordChangeRequired").value(true));
        mvc.perform(put("/api/me/password")
                        .with(httpBasic("st1r", "team-pw-123"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\": \"team-pw-123\", \"newPassword\": \"chengguan-chaobiao-7\"}"))
                .andExpect(status().isNoContent());

        String pw = "chengguan-chaobiao-7";
        mvc.perform(get("/api/me").with(httpBasic("st1r", pw)))
                .andExpect(jsonPath("$.role").value("TEAM"))
                .andExpect(jsonPath("$.unitCode").value("ST1-R"))
                .andExpect(jsonPath("$.passwordChangeRequired").value(false));
        mvc.perform(get("/api/runs").with(httpBasic("st1r", pw))).andExpect(status().isForbidden());
        mvc.perform(post("/api/runs").with(httpBasic("st1r", pw))).andExpect(status().isForbidden());
        mvc.perform(get("/api/users").with(httpBasic("st1r", pw))).andExpect(status().isForbidden());
        mvc.perform(post("/api/rules/reload").with(httpBasic("st1r", pw))).andExpect(status().isForbidden());
        assertThat(trail("USER_CREATED")).containsExactly("admin st1r");
    }

    @Test
    void aTeamUserMustBeBoundToAUnitAndNamesAreUnique() throws Exception {
        mvc.perform(post("/api/users")
                        .with(httpBasic("admin", ADMIN_PW))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\": \"t1\", \"password\": \"team-pw-123\", \"role\": \"TEAM\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("unitCode")))
                .andExpect(jsonPath("$.field").value("unitCode"));
        mvc.perform(post("/api/users")
                        .with(httpBasic("admin", ADMIN_PW))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\": \"admin\", \"password\": \"other-pw-123\", \"role\": \"AUDITOR\"}"))
                .andExpect(status().isConflict());
    }

    @Test
    void aRuleReloadThroughTheApiGoesToTheTrailWithItsAuditorAndOnlyAnAdministratorReadsIt() throws Exception {
        mvc.perform(post("/api/users")
                        .with(httpBasic("admin", ADMIN_PW))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\": \"li\", \"password\": \"auditor-pw-1\", \"role\": \"AUDITOR\"}"))
                .andExpect(status().isCreated());
        mvc.perform(put("/api/me/password")
                        .with(httpBasic("li", "auditor-pw-1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\": \"auditor-pw-1\", \"newPassword\": \"jicha-gonggong-88\"}"))
                .andExpect(status().isNoContent());

        mvc.perform(post("/api/rules/reload").with(httpBasic("li", "jicha-gonggong-88")))
                .andExpect(status().isOk());

        assertThat(jdbc.queryForList(
                        "SELECT detail FROM audit_trail WHERE actor = 'li' AND action = 'RULES_RELOAD'", String.class))
                .containsExactly("API UNCHANGED");
        mvc.perform(get("/api/trail").param("action", "RULES_RELOAD").with(httpBasic("admin", ADMIN_PW)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].actor").value("li"));
        mvc.perform(get("/api/trail").with(httpBasic("li", "jicha-gonggong-88")))
                .andExpect(status().isForbidden());
    }

    // --- throttling and lockout

    @Test
    void twentyFiveWrongPasswordsLockTheUserSoThatTheRightOneIsRefusedUntilTheLockoutEnds() throws Exception {
        chen();
        for (int i = 0; i < 25; i++) {
            basic("chen", "guess-" + i, "10.0.0.1").andExpect(status().isUnauthorized());
        }
        basic("chen", CHEN_PW, "10.0.0.1").andExpect(status().isUnauthorized());
        mvc.perform(post("/login")
                        .param("username", "chen")
                        .param("password", CHEN_PW)
                        .with(csrf())
                        .with(from("10.0.0.1")))
                .andExpect(redirectedUrl("/login?error"));

        assertThat(trail("LOGIN_LOCKED"))
                .as("one lockout, with the address that tripped it")
                .containsExactly("chen 10.0.0.1");
        assertThat(trail("LOGIN_FAILED")).hasSize(27).containsOnly("chen 10.0.0.1");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sign_in_failures", Long.class))
                .as("refused attempts are not counted: they neither extend the lockout nor lock the address")
                .isEqualTo(5);

        clock.advance(Duration.ofMinutes(14));
        basic("chen", CHEN_PW, "10.0.0.1").andExpect(status().isUnauthorized());
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        basic("chen", CHEN_PW, "10.0.0.1")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("chen"));
    }

    @Test
    void theSignInFormSaysTheSameForAWrongPasswordAndALockoutAndNamesTheLockout() throws Exception {
        chen();
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/login")
                            .param("username", "chen")
                            .param("password", "guess-" + i)
                            .with(csrf())
                            .with(from("10.0.0.7")))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(post("/login")
                        .param("username", "chen")
                        .param("password", CHEN_PW)
                        .with(csrf())
                        .with(from("10.0.0.7")))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(post("/login")
                        .param("username", "nobody-here")
                        .param("password", "guess")
                        .with(csrf())
                        .with(from("10.0.0.8")))
                .andExpect(redirectedUrl("/login?error"));

        String page = mvc.perform(get("/login").param("error", ""))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("用户名或密码不正确；连续多次失败后，该用户名或您所在的地址将暂时锁定 15 分钟");
        assertThat(trail("LOGIN_LOCKED")).containsExactly("chen 10.0.0.7");
    }

    @Test
    void anAdministratorEndsALockoutAtOnceAndTheUsersOpenSessionsWithIt() throws Exception {
        chen();
        MockHttpSession before = signIn("chen", CHEN_PW);
        for (int i = 0; i < 5; i++) {
            basic("chen", "guess-" + i, "10.0.0.6").andExpect(status().isUnauthorized());
        }
        basic("chen", CHEN_PW, "10.0.0.6").andExpect(status().isUnauthorized());
        mvc.perform(get("/api/users").with(httpBasic("admin", ADMIN_PW)))
                .andExpect(jsonPath("$[?(@.username == 'chen')].locked").value(true));

        mvc.perform(post("/api/users/chen/unlock").with(httpBasic("admin", ADMIN_PW)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.locked").value(false));

        basic("chen", CHEN_PW, "10.0.0.6").andExpect(status().isOk());
        mvc.perform(get("/api/me").session(before)).andExpect(status().isUnauthorized());
        assertThat(trail("UNLOCKED")).containsExactly("admin chen");
        mvc.perform(post("/api/users/chen/unlock").with(httpBasic("chen", CHEN_PW)))
                .andExpect(status().isForbidden());
    }

    @Test
    void manyFailuresFromOneAddressRefuseEveryUserFromThereButNoOneElsewhere() throws Exception {
        chen();
        for (int i = 1; i <= 20; i++) {
            basic("guess-name-" + i, "guess", "10.0.0.2").andExpect(status().isUnauthorized());
        }

        basic("chen", CHEN_PW, "10.0.0.2").andExpect(status().isUnauthorized());
        basic("chen", CHEN_PW, "10.0.0.3").andExpect(status().isOk());
        assertThat(trail("ADDRESS_LOCKED")).containsExactly("guess-name-20 10.0.0.2");
        assertThat(trail("LOGIN_LOCKED")).as("no user name failed often enough").isEmpty();

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        basic("chen", CHEN_PW, "10.0.0.2").andExpect(status().isOk());
    }

    @Test
    void aLockoutCausedFromElsewhereDoesNotLockAUserOutOfTheAddressItWorksFrom() throws Exception {
        chen();
        basic("chen", CHEN_PW, "10.0.0.4").andExpect(status().isOk());
        for (int i = 0; i < 5; i++) {
            basic("chen", "guess-" + i, "10.0.0.5").andExpect(status().isUnauthorized());
        }

        basic("chen", CHEN_PW, "10.0.0.5").andExpect(status().isUnauthorized());
        basic("chen", CHEN_PW, "10.0.0.4").andExpect(status().isOk());

        for (int i = 0; i < 5; i++) {
            basic("chen", "typo-" + i, "10.0.0.4").andExpect(status().isUnauthorized());
        }
        // failures from the known address lock the user there too
        basic("chen", CHEN_PW, "10.0.0.4").andExpect(status().isUnauthorized());
        assertThat(trail("LOGIN_LOCKED")).containsExactly("chen 10.0.0.5", "chen 10.0.0.4");
    }

    // --- password policy

    @Test
    void thePolicyRefusesCommonShortAndUserNamePasswordsSayingWhy() throws Exception {
        mvc.perform(post("/api/users")
                        .with(httpBasic("admin", ADMIN_PW))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\": \"zhao\", \"password\": \"12345678\", \"role\": \"AUDITOR\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("password"))
                .andExpect(jsonPath("$.reasons[0]").value("TOO_SHORT"))
                .andExpect(jsonPath("$.reasons[1]").value("COMMON"))
                .andExpect(jsonPath("$.detail")
                        .value("密码不符合要求：至少 10 个字符；不得是常见密码 / password: at least 10 "
                                + "characters; is a common password"));
        mvc.perform(post("/api/users")
                        .with(httpBasic("admin", ADMIN_PW))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\": \"zhao-qc01\", \"password\": \"zhao-qc01\", \"role\": \"AUDITOR\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.reasons", contains("TOO_SHORT", "CONTAINS_USERNAME")));
        mvc.perform(post("/api/users")
                        .with(httpBasic("admin", ADMIN_PW))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\": \"zhaolei\", \"password\": \"zhaolei-2026\", \"role\": \"AUDITOR\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.reasons", contains("CONTAINS_USERNAME")));
        mvc.perform(post("/api/users")
                        .with(httpBasic("admin", ADMIN_PW))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\": \"zhao\", \"password\": \"Kz-7q\", \"role\": \"AUDITOR\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.reasons", contains("TOO_SHORT")));

        assertThat(users.findByUsername("zhao")).isEmpty();
        assertThat(trail("USER_CREATED")).isEmpty();
    }

    // --- a user's unit must exist

    @Test
    void aUserCannotBeBoundToAUnitThatDoesNotExist() throws Exception {
        mvc.perform(post("/api/users")
                        .with(httpBasic("admin", ADMIN_PW))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username": "st9r", "password": "team-pw-123", "role": "TEAM", "unitCode": "ST9-R"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("unitCode"))
                .andExpect(jsonPath("$.detail").value(containsString("ST9-R")));
        assertThat(users.findByUsername("st9r")).isEmpty();

        chen();
        mvc.perform(put("/api/users/chen/role")
                        .with(httpBasic("admin", ADMIN_PW))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\": \"TEAM\", \"unitCode\": \"NOPE\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("unitCode"));
        mvc.perform(put("/api/users/chen/role")
                        .with(httpBasic("admin", ADMIN_PW))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\": \"TEAM\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("unitCode"));
        assertThat(users.findByUsername("chen").orElseThrow().getRole()).isEqualTo(Role.AUDITOR);
    }

    // --- sessions end when the account changes

    @Test
    void aDisabledUsersOpenSessionsAreRefusedOnTheirNextRequest() throws Exception {
        chen();
        MockHttpSession api = signIn("chen", CHEN_PW);
        MockHttpSession page = signIn("chen", CHEN_PW);
        mvc.perform(get("/api/me").session(api)).andExpect(status().isOk());
        mvc.perform(get("/account/password").session(page)).andExpect(status().isOk());

        mvc.perform(put("/api/users/chen/enabled").param("value", "false").with(httpBasic("admin", ADMIN_PW)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(false));

        mvc.perform(get("/api/me").session(api)).andExpect(status().isUnauthorized());
        mvc.perform(get("/account/password").session(page)).andExpect(redirectedUrl("/login"));
        assertThat(api.isInvalid()).isTrue();
        assertThat(trail("USER_DISABLED")).containsExactly("admin chen");
        assertThat(trail("SESSION_ENDED")).containsExactly("chen chen", "chen chen");
        basic("chen", CHEN_PW, "10.0.0.1").andExpect(status().isUnauthorized());

        mvc.perform(put("/api/users/chen/enabled").param("value", "true").with(httpBasic("admin", ADMIN_PW)))
                .andExpect(status().isOk());
        basic("chen", CHEN_PW, "10.0.0.1").andExpect(status().isOk());
        assertThat(trail("USER_ENABLED")).containsExactly("admin chen");
    }

    @Test
    void aRoleChangeEndsTheUsersSessionsAndTheNextSignInHasTheNewRole() throws Exception {
        chen();
        MockHttpSession session = signIn("chen", CHEN_PW);
        mvc.perform(get("/api/runs").session(session)).andExpect(status().isOk());

        mvc.perform(put("/api/users/chen/role")
                        .with(httpBasic("admin", ADMIN_PW))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\": \"TEAM\", \"unitCode\": \"ST1-R\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roleName").value("被稽查班组"));

        mvc.perform(get("/api/runs").session(session)).andExpect(status().isUnauthorized());
        MockHttpSession again = signIn("chen", CHEN_PW);
        mvc.perform(get("/api/me").session(again)).andExpect(jsonPath("$.role").value("TEAM"));
        mvc.perform(get("/api/runs").session(again)).andExpect(status().isForbidden());
        assertThat(trail("ROLE_CHANGED")).containsExactly("admin chen");
        assertThat(jdbc.queryForObject("SELECT detail FROM audit_trail WHERE action = 'ROLE_CHANGED'", String.class))
                .startsWith("AUDITOR -> TEAM @ ST1-R");
        assertThat(trail("SESSION_ENDED")).containsExactly("chen chen");
    }

    @Test
    void aPasswordSetByAnAdministratorEndsTheSessionsAndMustBeChangedAtTheNextSignIn() throws Exception {
        chen();
        MockHttpSession session = signIn("chen", CHEN_PW);
        mvc.perform(put("/api/users/chen/password")
                        .with(httpBasic("admin", ADMIN_PW))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"password\": \"12345678\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.reasons", contains("TOO_SHORT", "COMMON")));

        mvc.perform(put("/api/users/chen/password")
                        .with(httpBasic("admin", ADMIN_PW))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"password\": \"reset-by-admin-7\"}"))
                .andExpect(status().isNoContent());

        mvc.perform(get("/api/me").session(session)).andExpect(status().isUnauthorized());
        basic("chen", CHEN_PW, "10.0.0.1").andExpect(status().isUnauthorized());
        basic("chen", "reset-by-admin-7", "10.0.0.1")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.passwordChangeRequired").value(true));
        mvc.perform(get("/api/runs").with(httpBasic("chen", "reset-by-admin-7")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("PUT /api/me/password")));
        MockHttpSession again = signIn("chen", "reset-by-admin-7");
        mvc.perform(get("/").session(again)).andExpect(redirectedUrl("/account/password"));
        assertThat(jdbc.queryForObject(
                        "SELECT detail FROM audit_trail WHERE action = 'PASSWORD_CHANGED'", String.class))
                .startsWith("由管理员设置");
        mvc.perform(put("/api/users/admin/password")
                        .with(httpBasic("admin", ADMIN_PW))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"password\": \"other-chief-pw\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("/api/me/password")));
    }

    // --- the last administrator

    @Test
    void theLastEnabledAdministratorCannotBeDisabledNorDemoted() throws Exception {
        mvc.perform(put("/api/users/admin/enabled").param("value", "false").with(httpBasic("admin", ADMIN_PW)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("最后一个启用的系统管理员")));
        mvc.perform(put("/api/users/admin/role")
                        .with(httpBasic("admin", ADMIN_PW))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\": \"AUDITOR\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("last enabled ADMIN")));
        AppUser admin = users.findByUsername("admin").orElseThrow();
        assertThat(admin.isEnabled()).isTrue();
        assertThat(admin.getRole()).isEqualTo(Role.ADMIN);

        accounts.create(
                Actor.SYSTEM, new UserAccounts.NewUser("li", "second-chief-pw", "李", Role.ADMIN, null, null, false));
        mvc.perform(put("/api/users/li/enabled").param("value", "false").with(httpBasic("admin", ADMIN_PW)))
                .andExpect(status().isOk());
        // a disabled administrator does not count
        mvc.perform(put("/api/users/admin/enabled").param("value", "false").with(httpBasic("admin", ADMIN_PW)))
                .andExpect(status().isConflict());
        mvc.perform(put("/api/users/li/enabled").param("value", "true").with(httpBasic("admin", ADMIN_PW)))
                .andExpect(status().isOk());
        mvc.perform(put("/api/users/admin/role")
                        .with(httpBasic("admin", ADMIN_PW))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\": \"SUPERVISOR\"}"))
                .andExpect(status().isOk());
        assertThat(trail("ROLE_CHANGED")).containsExactly("admin admin");
    }

    // --- one's own password, the forced change

    @Test
    void everyUserChangesItsOwnPasswordWithTheCurrentOneAndItsOtherSessionsEnd() throws Exception {
        chen();
        MockHttpSession here = signIn("chen", CHEN_PW);
        MockHttpSession elsewhere = signIn("chen", CHEN_PW);

        mvc.perform(put("/api/me/password")
                        .session(here)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\": \"not-my-password\", \"newPassword\": \"Herbst-Ablesung-42\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("currentPassword"));
        mvc.perform(put("/api/me/password")
                        .session(here)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\": \"" + CHEN_PW + "\", \"newPassword\": \"chen-2026-xyz\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("newPassword"))
                .andExpect(jsonPath("$.reasons", contains("CONTAINS_USERNAME")));
        // a session needs the CSRF token
        mvc.perform(put("/api/me/password")
                        .session(here)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\": \"" + CHEN_PW + "\", \"newPassword\": \"Herbst-Ablesung-42\"}"))
                .andExpect(status().isForbidden());

        mvc.perform(put("/api/me/password")
                        .session(here)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\": \"" + CHEN_PW + "\", \"newPassword\": \"Herbst-Ablesung-42\"}"))
                .andExpect(status().isNoContent());

        mvc.perform(get("/api/me").session(here)).andExpect(status().isOk());
        mvc.perform(get("/api/me").session(elsewhere)).andExpect(status().isUnauthorized());
        basic("chen", CHEN_PW, "10.0.0.1").andExpect(status().isUnauthorized());
        basic("chen", "Herbst-Ablesung-42", "10.0.0.1").andExpect(status().isOk());
        assertThat(trail("PASSWORD_CHANGED")).containsExactly("chen chen");
        assertThat(trail("LOGIN_FAILED"))
                .as("a wrong current password counts as a failed sign-in")
                .containsExactly("chen 127.0.0.1", "chen 10.0.0.1");
    }

    @Test
    void aGeneratedFirstPasswordMustBeChangedBeforeAnythingElse() throws Exception {
        jdbc.update("DELETE FROM app_users");
        String generated = accounts.createFirstAdministrator(null).orElseThrow();
        assertThat(generated).hasSize(24);
        assertThat(trail("USER_CREATED")).containsExactly("system admin");

        MockHttpSession session = signIn("admin", generated);
        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/runs").session(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/api/users").session(session))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("须先修改密码")));
        mvc.perform(get("/api/users").with(httpBasic("admin", generated))).andExpect(status().isForbidden());
        mvc.perform(get("/api/me").session(session))
                .andExpect(jsonPath("$.passwordChangeRequired").value(true));
        mvc.perform(get("/account/password").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"forced-change\"")));

        mvc.perform(post("/account/password")
                        .session(session)
                        .with(csrf())
                        .param("currentPassword", generated)
                        .param("newPassword", "password2026")
                        .param("confirmPassword", "password2026"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("不得是常见密码")));
        mvc.perform(post("/account/password")
                        .session(session)
                        .with(csrf())
                        .param("currentPassword", generated)
                        .param("newPassword", "Yunwei-Zhongxin-9")
                        .param("confirmPassword", "Yunwei-Zhongxin-9"))
                .andExpect(redirectedUrl("/account/password"));

        mvc.perform(get("/api/users").session(session)).andExpect(status().isOk());
        mvc.perform(get("/account/password").session(session))
                .andExpect(content().string(not(containsString("id=\"forced-change\""))));
        mvc.perform(get("/api/users").with(httpBasic("admin", "Yunwei-Zhongxin-9")))
                .andExpect(status().isOk());
        assertThat(users.findByUsername("admin").orElseThrow().isPasswordChangeRequired())
                .isFalse();
    }

    @Test
    void aConfiguredFirstPasswordMustMeetThePolicy() {
        jdbc.update("DELETE FROM app_users");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> accounts.createFirstAdministrator("first-admin-pw"))
                .isInstanceOf(PasswordRejectedException.class)
                .hasMessageContaining("不得包含用户名");
        assertThat(users.count()).isZero();
        assertThat(accounts.createFirstAdministrator(ADMIN_PW)).isEqualTo(Optional.empty());
    }

    // --- CSRF and HTTP headers

    @Test
    void csrfIsSkippedOnlyForRequestsAuthenticatedWithHttpBasic() throws Exception {
        mvc.perform(post("/api/rules/reload").header(HttpHeaders.AUTHORIZATION, "Bearer x"))
                .andExpect(status().isForbidden());
        MockHttpSession session = signIn("admin", ADMIN_PW);
        mvc.perform(post("/api/users")
                        .session(session)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer x")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\": \"wu\", \"password\": \"auditor-pw-7\", \"role\": \"AUDITOR\"}"))
                .andExpect(status().isForbidden());
        // a request with a session needs the token, Basic credentials or not
        mvc.perform(post("/api/users")
                        .session(session)
                        .with(httpBasic("admin", ADMIN_PW))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\": \"wu\", \"password\": \"auditor-pw-7\", \"role\": \"AUDITOR\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/rules/reload").with(httpBasic("admin", "wrong-password")))
                .andExpect(status().isUnauthorized());
        assertThat(users.findByUsername("wu")).isEmpty();

        mvc.perform(post("/api/users")
                        .with(httpBasic("admin", ADMIN_PW))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\": \"wu\", \"password\": \"auditor-pw-7\", \"role\": \"AUDITOR\"}"))
                .andExpect(status().isCreated());
    }

    @Test
    void everyAnswerCarriesTheContentSecurityAndReferrerPolicies() throws Exception {
        for (ResultActions answer :
                List.of(mvc.perform(get("/login")), mvc.perform(get("/api/me").with(httpBasic("admin", ADMIN_PW))))) {
            answer.andExpect(header().string("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY))
                    .andExpect(header().string("Referrer-Policy", "same-origin"))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                    .andExpect(header().string("X-Frame-Options", "DENY"));
        }
        assertThat(SecurityConfiguration.CONTENT_SECURITY_POLICY)
                .contains("script-src 'self';", "style-src 'self';", "frame-ancestors 'none'")
                .doesNotContain("unsafe");
    }

    // --- the audit trail

    @Test
    void onlyAnAdministratorReadsTheAuditTrail() throws Exception {
        chen();
        accounts.create(
                Actor.SYSTEM,
                new UserAccounts.NewUser("yan", "supervisor-pw-1", "闫", Role.SUPERVISOR, null, null, false));
        accounts.create(
                Actor.SYSTEM, new UserAccounts.NewUser("st1r", "team-pw-123", "王欣", Role.TEAM, "ST1-R", null, false));
        basic("chen", "a-wrong-one", "10.0.0.1");

        mvc.perform(get("/api/trail").with(httpBasic("chen", CHEN_PW))).andExpect(status().isForbidden());
        mvc.perform(get("/api/trail").with(httpBasic("yan", "supervisor-pw-1"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/trail").with(httpBasic("st1r", "team-pw-123"))).andExpect(status().isForbidden());
        mvc.perform(get("/trail").with(httpBasic("yan", "supervisor-pw-1"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/trail").param("action", "LOGIN_FAILED").with(httpBasic("admin", ADMIN_PW)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].actor").value("chen"))
                .andExpect(jsonPath("$[0].target").value("10.0.0.1"));
        mvc.perform(get("/trail").with(httpBasic("admin", ADMIN_PW)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("登录失败")));
    }

    @Test
    void signInsAndSignOutsAreRecordedWithTheAddress() throws Exception {
        chen();
        MockHttpSession session = signIn("chen", CHEN_PW);
        mvc.perform(post("/logout")
                        .session(session)
                        .accept(MediaType.TEXT_HTML)
                        .with(csrf())
                        .with(from("10.9.9.9")))
                .andExpect(redirectedUrl("/login?logout"));

        assertThat(trail("LOGIN")).containsExactly("chen 10.9.9.9");
        assertThat(trail("LOGOUT")).containsExactly("chen 10.9.9.9");
    }
}
