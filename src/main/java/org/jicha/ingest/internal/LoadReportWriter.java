package org.jicha.ingest.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jicha.ingest.FileResult;
import org.jicha.ingest.IgnoredEntry;
import org.jicha.ingest.LoadResult;
import org.jicha.ingest.Rejection;
import org.springframework.stereotype.Component;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the load report of a batch into a folder: {@value #TEXT} for people and {@value #JSON} for
 * programs, both UTF-8. The leading underscore keeps a reloaded archive folder from treating them as data.
 */
@Component
public class LoadReportWriter {

    public static final String TEXT = "_load-report.txt";
    public static final String JSON = "_load-report.json";

    private final JsonMapper json;

    public LoadReportWriter(JsonMapper json) {
        this.json = json.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();
    }

    /** Writes both reports and returns the path of the text one. */
    public Path write(LoadResult load, Path folder) {
        try {
            Path text = folder.resolve(TEXT);
            Files.writeString(text, text(load), StandardCharsets.UTF_8);
            json.writeValue(folder.resolve(JSON).toFile(), load);
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(LoadResult load) {
        StringBuilder out = new StringBuilder();
        out.append("Load ")
                .append(load.id())
                .append(" of batch ")
                .append(load.batchName())
                .append('\n')
                .append("Source:   ")
                .append(load.sourcePath())
                .append('\n')
                .append("Status:   ")
                .append(load.status())
                .append('\n')
                .append("Started:  ")
                .append(load.startedAt())
                .append('\n')
                .append("Finished: ")
                .append(load.finishedAt())
                .append('\n')
                .append("Files:    ")
                .append(load.filesLoaded())
                .append(" loaded, ")
                .append(load.filesFailed())
                .append(" rejected\n")
                .append("Rows:     ")
                .append(load.rowsAccepted())
                .append(" accepted, ")
                .append(load.rowsRejected())
                .append(" rejected\n");
        if (load.message() != null) {
            out.append("Fault:    ").append(load.message()).append('\n');
        }
        for (FileResult file : load.files()) {
            out.append('\n').append(file.fileName()).append("  ").append(file.status());
            if (file.encoding() != null) {
                out.append("  ").append(file.encoding());
            }
            out.append("  read ")
                    .append(file.rowsRead())
                    .append(", accepted ")
                    .append(file.rowsAccepted())
                    .append(", rejected ")
                    .append(file.rowsRejected())
                    .append('\n');
            if (file.fault() != null) {
                out.append("  fault: ").append(file.fault()).append('\n');
            }
            file.warnings().forEach(w -> out.append("  warning: ").append(w).append('\n'));
            for (Rejection rejection : file.rejections()) {
                out.append("  ").append(rejection.describe()).append('\n');
            }
        }
        if (!load.ignored().isEmpty()) {
            out.append("\nIgnored, not part of the data contract (")
                    .append(String.join(", ", ContractFile.fileNames()))
                    .append("): neither loaded nor kept\n");
            for (IgnoredEntry entry : load.ignored()) {
                out.append("  ")
                        .append(entry.name())
                        .append("  ")
                        .append(entry.sizeBytes())
                        .append(" bytes\n");
            }
        }
        return out.toString();
    }
}
