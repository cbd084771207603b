package org.jicha.ingest;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@link IngestProperties} bound as the application binds them: the defaults, with the given jicha.ingest.* settings. */
final class IngestSettings {

    private IngestSettings() {}

    /** Settings by their names below {@code jicha.ingest}, e.g. {@code "disk-budget", "1MB"}. */
    static IngestProperties with(Object... namesAndValues) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            settings.put("jicha.ingest." + namesAndValues[i], String.valueOf(namesAndValues[i + 1]));
        }
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("jicha.ingest", IngestProperties.class);
    }
}
