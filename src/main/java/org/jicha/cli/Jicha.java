package org.jicha.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.jicha.JichaApplication;
import org.springframework.boot.SpringApplication;

/**
 * The jar's entry point ({@code java -jar jicha.jar ...}): a command ({@code audit}, {@code sample-data},
 * {@code generate}, {@code rules}, {@code bench}, {@code --help}) runs the command line and exits with its code;
 * anything else (no arguments, Spring options) starts the server. It lives in {@code cli} so that the application
 * does not depend on its command line.
 */
public final class Jicha {

    private Jicha() {}

    public static void main(String[] args) {
        if (JichaCli.isCommand(args)) {
            PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
            PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
            System.exit(JichaCli.run(args, out, err));
        }
        SpringApplication server = new SpringApplication(JichaApplication.class);
        // the start-up log names the application ("Started JichaApplication in ..."), not this launcher
        server.setMainApplicationClass(JichaApplication.class);
        server.run(args);
    }
}
