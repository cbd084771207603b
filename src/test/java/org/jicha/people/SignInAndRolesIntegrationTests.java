package org.jicha.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/** Sign-in, the first administrator, roles on the API, CSRF on forms and the audit trail. */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:people;DB_CLOSE_DELAY=-1",
        "spring.quartz.auto-startup=false",
        "jicha.security.initial-admin-password=first-admin-pw"})
@AutoConfigureMockMvc
class SignInAndRolesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AppUserRepository users;

    @Autowired
    PasswordEncoder encoder;

    @BeforeEach
    void people() {
        jdbc.update("DELETE FROM audit_trail");
        jdbc.update("DELETE FROM app_users WHERE username <> 'admin'");
        jdbc.update("DELETE FROM units");
        jdbc.update("INSERT INTO units (unit_code, unit_name, parent_code, unit_type, team_kind) VALUES "
                + "('CO', '县公司', NULL, 'COUNTY', NULL), ('ST1', '城关供电所', 'CO', 'STATION', NULL), "
                + "('ST1-R', '城关抄表班', 'ST1', 'TEAM', 'READING')");
    }

    @Test
    void theFirstAdministratorHasTheConfiguredPasswordStoredAsBcrypt() throws Exception {
        AppUser admin = users.findByUsername("admin").orElseThrow();

        assertThat(admin.getRole()).isEqualTo(Role.ADMIN);
        assertThat(admin.getPasswordHash()).startsWith("$2").doesNotContain("first-admin-pw");
        assertThat(encoder.matches("first-admin-pw", admin.getPasswordHash())).isTrue();
        mvc.perform(get("/api/me").with(httpBasic("admin", "first-admin-pw")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.role").value("ADMIN"));
        assertThat(users.findByUsername("auditor")).as("demo users exist only in the demo profile").isEmpty();
    }

    @Test
    void nobodyUnauthenticatedGetsInAndPagesRedirectToTheSignInForm() throws Exception {
        mvc.perform(get("/api/tickets")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/tickets").with(httpBasic("admin", "wrong-password"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        assertThat(jdbc.queryForList("SELECT action FROM audit_trail WHERE actor = 'admin'", String.class))
                .containsExactly("LOGIN_FAILED");
    }

    @Test
    void aFormSignInIsRecordedAndFormsWithoutTheCsrfTokenAreRefused() throws Exception {
        mvc.perform(formLogin("/login").user("admin").password("first-admin-pw"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/"));
        mvc.perform(post("/login").param("username", "admin").param("password", "first-admin-pw"))
                .andExpect(status().isForbidden());

        assertThat(jdbc.queryForList("SELECT action FROM audit_trail WHERE actor = 'admin' ORDER BY id", String.class))
                .containsExactly("LOGIN");
    }

    @Test
    void theAdministratorCreatesATeamUserWhoMayNotRunAuditsNorManageUsers() throws Exception {
        mvc.perform(post("/api/users").with(httpBasic("admin", "first-admin-pw")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username": "st1r", "password": "team-pw-123", "displayName": "王欣", "role": "TEAM",
                                 "unitCode": "ST1-R", "email": "wx@example.cn", "teamLeader": true}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.roleName").value("被稽查班组"));

        mvc.perform(get("/api/me").with(httpBasic("st1r", "team-pw-123")))
                .andExpect(jsonPath("$.role").value("TEAM")).andExpect(jsonPath("$.unitCode").value("ST1-R"));
        mvc.perform(get("/api/runs").with(httpBasic("st1r", "team-pw-123"))).andExpect(status().isForbidden());
        mvc.perform(post("/api/runs").with(httpBasic("st1r", "team-pw-123"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/users").with(httpBasic("st1r", "team-pw-123"))).andExpect(status().isForbidden());
        mvc.perform(post("/api/rules/reload").with(httpBasic("st1r", "team-pw-123"))).andExpect(status().isForbidden());
        assertThat(jdbc.queryForList("SELECT action || ' ' || target FROM audit_trail", String.class))
                .containsExactly("USER_CREATED st1r");
    }

    @Test
    void aTeamUserMustBeBoundToAUnitAndNamesAreUnique() throws Exception {
        mvc.perform(post("/api/users").with(httpBasic("admin", "first-admin-pw")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\": \"t1\", \"password\": \"team-pw-123\", \"role\": \"TEAM\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("unitCode")));
        mvc.perform(post("/api/users").with(httpBasic("admin", "first-admin-pw")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\": \"admin\", \"password\": \"other-pw-123\", \"role\": \"AUDITOR\"}"))
                .andExpect(status().isConflict());
    }

    @Test
    void aRuleReloadThroughTheApiGoesToTheTrailWithItsAuditor() throws Exception {
        mvc.perform(post("/api/users").with(httpBasic("admin", "first-admin-pw")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\": \"chen\", \"password\": \"auditor-pw-1\", \"role\": \"AUDITOR\"}"))
                .andExpect(status().isCreated());

        mvc.perform(post("/api/rules/reload").with(httpBasic("chen", "auditor-pw-1"))).andExpect(status().isOk());

        assertThat(jdbc.queryForList("SELECT detail FROM audit_trail WHERE actor = 'chen' AND action = 'RULES_RELOAD'",
                String.class)).containsExactly("API UNCHANGED");
        mvc.perform(get("/api/trail").param("action", "RULES_RELOAD").with(csrf()).with(httpBasic("chen", "auditor-pw-1")))
                .andExpect(jsonPath("$[0].actor").value("chen"));
    }
}
