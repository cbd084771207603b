package org.jicha.ingest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A Spring context on an in-memory H2 database migrated by Flyway, with Quartz not started. JDBC batches of
 * two rows make every small fixture flush several batches inside its file's transaction.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:ingest;DB_CLOSE_DELAY=-1",
            "spring.quartz.auto-startup=false",
            "jicha.ingest.jdbc-batch-size=2",
            "jicha.ingest.inbox=target/test-files/inbox",
            "jicha.ingest.archive=target/test-files/archive",
            "jicha.ingest.failed=target/test-files/failed"
        })
@interface IngestIntegrationTest {}
