package org.jicha.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.jicha.people.Actor;
import org.jicha.people.Role;
import org.jicha.people.UserAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * Upload limits through the real server (Tomcat parses the multipart, not MockMvc): a body over the multipart limit
 * (tied to {@code jicha.ingest.max-upload-size}) is answered 413 naming the limit, not 409, a reset or 500, even when
 * it is far bigger than the limit; a zip bomb is answered 413 naming the per-batch limit and leaves nothing on disk.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:uploadlimits;DB_CLOSE_DELAY=-1",
            "spring.quartz.auto-startup=false",
            "jicha.ingest.inbox=target/upload-limits/inbox",
            "jicha.ingest.archive=target/upload-limits/archive",
            "jicha.ingest.failed=target/upload-limits/archive/_failed",
            "jicha.ingest.max-upload-size=1MB",
            "jicha.ingest.max-extracted-bytes-per-batch=2MB"
        })
class UploadLimitsIntegrationTests {

    private static final Path FOLDERS = Path.of("target/upload-limits");
    private static final String PASSWORD = "Upl0ad-limits-7c9e!";

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void uploaderAndEmptyFolders() throws IOException {
        if (jdbc.queryForObject("SELECT COUNT(*) FROM app_users WHERE username = 'uploader'", Long.class) == 0) {
            accounts.create(
                    Actor.SYSTEM,
                    new UserAccounts.NewUser("uploader", PASSWORD, "上传测试", Role.AUDITOR, null, null, false));
        }
        FileSystemUtils.deleteRecursively(FOLDERS);
    }

    /** 32 MB against 1 MB: with Tomcat's default max-swallow-size (2 MB) the client would get a broken pipe. */
    @Test
    void aMultipartFarOverTheLimitIsAnswered413NamingTheLimitNotAReset() throws Exception {
        byte[] big = new byte[32 * 1024 * 1024];
        new Random(11).nextBytes(big);

        HttpResponse<String> response = upload("big.zip", big);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(JsonPath.<String>read(response.body(), "$.detail")).contains("上传超过 1 MB 的上限", "limit of 1 MB");
        assertThat(JsonPath.<String>read(response.body(), "$.limit")).isEqualTo("1 MB");
        assertThat(filesBelow(FOLDERS)).isEmpty();
    }

    @Test
    void aZipBombIsAnswered413NamingThePerBatchLimitAndLeavesNothingOnDisk() throws Exception {
        byte[] bomb = Zips.zip(Map.of("units.csv", new byte[50 * 1024 * 1024]));
        assertThat(bomb.length).isLessThan(100 * 1024);

        HttpResponse<String> response = upload("bomb.zip", bomb);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(JsonPath.<String>read(response.body(), "$.detail"))
                .contains("2 MB", "jicha.ingest.max-extracted-bytes-per-batch");
        assertThat(JsonPath.<String>read(response.body(), "$.setting"))
                .isEqualTo("jicha.ingest.max-extracted-bytes-per-batch");
        assertThat(filesBelow(FOLDERS)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM load_batches", Long.class))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT actor FROM audit_trail WHERE action = 'LOAD_UPLOAD' ORDER BY id DESC "
                                + "FETCH FIRST 1 ROWS ONLY",
                        String.class))
                .isEqualTo("uploader");
    }

    private HttpResponse<String> upload(String fileName, byte[] content) throws Exception {
        String boundary = "----jicha-upload-limits";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: application/zip\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/loads"))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(("uploader:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static List<Path> filesBelow(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
