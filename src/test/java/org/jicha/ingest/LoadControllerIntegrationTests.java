package org.jicha.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jicha.ingest.Batch.Rows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.FileSystemUtils;

/** The loads API: upload a zipped batch (its trail, what it ignored, bad uploads), list loads, read one. */
@IngestIntegrationTest
@AutoConfigureMockMvc
@WithMockUser(username = "auditor", roles = "AUDITOR")
class LoadControllerIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IngestProperties properties;

    @BeforeEach
    void clean() throws IOException {
        Database.clean(jdbc);
        jdbc.update("DELETE FROM audit_trail");
        FileSystemUtils.deleteRecursively(Path.of("target/test-files"));
    }

    private static MockMultipartFile upload(String name, byte[] content) {
        return new MockMultipartFile("file", name, "application/zip", content);
    }

    private static byte[] zipOf(Batch batch) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        batch.files().forEach((file, content) -> entries.put(file, content));
        return Zips.zip(entries);
    }

    @Test
    void uploadingAZippedBatchLoadsItAndAnswers201WithTheResult() throws Exception {
        Batch batch = Batch.referenceWorld("x").with("units.csv", Rows.UNITS, "C1,公司,,COMPANY,", "S1,所,C1,STATON,");

        mvc.perform(multipart("/api/loads").with(csrf()).file(upload("2026-11-27.zip", zipOf(batch))))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/loads/")))
                .andExpect(jsonPath("$.batchName").value("2026-11-27"))
                .andExpect(jsonPath("$.status").value("PARTIAL"))
                .andExpect(jsonPath("$.files[0].fileName").value("units.csv"))
                .andExpect(jsonPath("$.files[0].rejections[0].line").value(3))
                .andExpect(jsonPath("$.files[0].rejections[0].column").value("unit_type"));
    }

    @Test
    void uploadingSomethingThatIsNotAZipAnswers400WithAClearMessage() throws Exception {
        mvc.perform(multipart("/api/loads").with(csrf()).file(upload("batch.zip", "units.csv\nnot a zip".getBytes())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("not a zip archive, or an empty one"));
    }

    @Test
    void uploadingAZipSlipEntryAnswers400() throws Exception {
        mvc.perform(multipart("/api/loads")
                        .with(csrf())
                        .file(upload("evil.zip", Zips.zip(Map.of("../evil.csv", new byte[1])))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("unsafe entry path in zip: ../evil.csv"));
    }

    @Test
    void loadsAreListedNewestFirstAndReadOneByOne() throws Exception {
        mvc.perform(multipart("/api/loads").with(csrf()).file(upload("first.zip", zipOf(Batch.referenceWorld("x")))))
                .andExpect(status().isCreated());
        mvc.perform(multipart("/api/loads").with(csrf()).file(upload("second.zip", zipOf(Batch.referenceWorld("x")))))
                .andExpect(status().isCreated());
        long newest = jdbc.queryForObject("SELECT MAX(id) FROM load_batches", Long.class);

        mvc.perform(get("/api/loads").param("size", "1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].batchName").value("second"))
                .andExpect(jsonPath("$.content.length()").value(1))
                .andExpect(jsonPath("$.totalElements").value(2))
                .andExpect(jsonPath("$.totalPages").value(2));
        mvc.perform(get("/api/loads/{id}", newest))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("LOADED"))
                .andExpect(jsonPath("$.rowsAccepted").value(7))
                .andExpect(jsonPath("$.files.length()").value(5));
    }

    @Test
    void anUploadListsWhatItIgnoredAndGoesToTheTrailWithTheSignedInActor() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        Batch.referenceWorld("x").files().forEach(entries::put);
        entries.put("rules/x.drl", "rule \"x\" when then end".getBytes());

        mvc.perform(multipart("/api/loads").with(csrf()).file(upload("night.zip", Zips.zip(entries))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("LOADED"))
                .andExpect(jsonPath("$.ignored[0].name").value("rules/x.drl"))
                .andExpect(jsonPath("$.ignored[0].sizeBytes").value(22));

        assertThat(jdbc.queryForObject(
                        "SELECT actor FROM audit_trail WHERE action = 'LOAD_UPLOAD' ORDER BY id DESC "
                                + "FETCH FIRST 1 ROWS ONLY",
                        String.class))
                .isEqualTo("auditor");
    }

    @Test
    void anUploadWithoutItsFilePartAnswers400NamingThePart() throws Exception {
        mvc.perform(multipart("/api/loads").with(csrf()).file("other", new byte[1]))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("file"))
                .andExpect(jsonPath("$.detail").value("缺少上传部分 file / the multipart part file is missing"));
    }

    @Test
    void pagingParametersOutOfBoundsAnswer400NamingTheParameter() throws Exception {
        mvc.perform(get("/api/loads").param("page", "2147483647"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("page"))
                .andExpect(jsonPath("$.detail")
                        .value(org.hamcrest.Matchers.containsString("page must be at most 1000000")));
        mvc.perform(get("/api/loads").param("size", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("参数 size 不能小于 1 / parameter size must be at least 1"));
    }

    @Test
    void anUnknownLoadIdAnswers404() throws Exception {
        mvc.perform(get("/api/loads/{id}", 987654))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("no load with id 987654"));
    }
}
