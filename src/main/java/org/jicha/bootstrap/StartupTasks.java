package org.jicha.bootstrap;

import java.nio.file.Files;
import java.time.Clock;
import org.jicha.audit.AuditService;
import org.jicha.audit.RunRequest;
import org.jicha.audit.RunTrigger;
import org.jicha.audit.RunView;
import org.jicha.calendar.ChinaTime;
import org.jicha.ingest.BatchLoader;
import org.jicha.ingest.LoadResult;
import org.jicha.records.StoredKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Runs once the application is up: see the package description. */
@Component
class StartupTasks implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StartupTasks.class);

    private final AuditService audits;
    private final BatchLoader loader;
    private final StoredKeys stored;
    private final BootstrapProperties properties;
    private final ServerAddress address;
    private final Clock clock;

    StartupTasks(
            AuditService audits,
            BatchLoader loader,
            StoredKeys stored,
            BootstrapProperties properties,
            ServerAddress address,
            Clock clock) {
        this.audits = audits;
        this.loader = loader;
        this.stored = stored;
        this.properties = properties;
        this.address = address;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.sampleData() == null) {
            return;
        }
        long customers = stored.customerCount();
        if (customers > 0) {
            log.info("Database holds {} customers: sample data not loaded", customers);
            return;
        }
        if (!Files.isDirectory(properties.sampleData())) {
            log.warn(
                    "Sample data folder {} does not exist: nothing loaded",
                    properties.sampleData().toAbsolutePath());
            return;
        }
        LoadResult load = loader.load(properties.sampleData());
        log.info(
                "Loaded sample batch {}: {} rows accepted, {} rejected",
                load.batchName(),
                load.rowsAccepted(),
                load.rowsRejected());
        // held, like a nightly run, when the sample holds no data of the period the as-of date audits
        RunView run = audits.run(RunRequest.of(
                        properties.asOf() == null ? ChinaTime.today(clock) : properties.asOf(), RunTrigger.STARTUP)
                .heldWithoutData());
        log.info(
                "Audit run {} as of {}: {} subjects checked, {} findings.{}",
                run.id(),
                run.asOf(),
                run.subjectsChecked(),
                run.findingsCount(),
                address.url().map(url -> " See " + url).orElse(""));
    }
}
