package org.jicha;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.jicha.cli.JichaCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Jicha (稽查): a marketing-audit system for power utilities.
 *
 * <p>The flow is extract -> load ({@code ingest}) -> facts ({@code facts}) -> rules ({@code rules}) ->
 * findings ({@code audit}) -> tickets ({@code tickets}); see docs/ARCHITECTURE.md. Without arguments (or
 * with Spring options) it starts the server; with a command ({@code audit}, {@code sample-data}) it runs
 * the command line and exits.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class JichaApplication {

    public static void main(String[] args) {
        if (JichaCli.isCommand(args)) {
            PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
            PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
            System.exit(JichaCli.run(args, out, err));
        }
        SpringApplication.run(JichaApplication.class, args);
    }
}
