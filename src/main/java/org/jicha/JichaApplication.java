package org.jicha;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Jicha (稽查): a marketing-audit system for power utilities.
 *
 * <p>The flow is extract -> load ({@code ingest}) -> records ({@code records}) -> facts ({@code facts}) -> rules
 * ({@code rules}) -> findings ({@code audit}) -> tickets ({@code tickets}) -> reports ({@code reports}); see
 * docs/ARCHITECTURE.md. The jar's entry point is {@code cli.Jicha}: without a command it starts this server, with one
 * ({@code audit}, {@code sample-data}, ...) it runs the command line, which starts this application without a web
 * server where a command needs it. The application itself knows nothing of the command line.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class JichaApplication {

    /** Starts the server (the jar's own entry point, {@code cli.Jicha}, does the same when given no command). */
    public static void main(String[] args) {
        SpringApplication.run(JichaApplication.class, args);
    }
}
