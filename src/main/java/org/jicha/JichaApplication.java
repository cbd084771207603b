package org.jicha;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Jicha (稽查): a marketing-audit system for power utilities.
 *
 * <p>The flow is extract -> load ({@code ingest}) -> facts ({@code facts}) -> rules ({@code rules}) ->
 * findings ({@code audit}) -> tickets ({@code tickets}); see docs/ARCHITECTURE.md.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class JichaApplication {

    public static void main(String[] args) {
        SpringApplication.run(JichaApplication.class, args);
    }
}
