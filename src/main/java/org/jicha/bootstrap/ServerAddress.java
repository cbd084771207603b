package org.jicha.bootstrap;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.servlet.context.ServletWebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Where people reach the pages: the address the web server really listens on (its port, whatever
 * {@code server.port} or {@code PORT} said, and the servlet context path), logged once the server has started and
 * used by the start-up tasks' lines. Empty on the command line, which starts no web server.
 */
@Component
public class ServerAddress implements ApplicationListener<ServletWebServerInitializedEvent> {

    private static final Logger log = LoggerFactory.getLogger(ServerAddress.class);

    private volatile String url;

    @Override
    public void onApplicationEvent(ServletWebServerInitializedEvent event) {
        String namespace = event.getApplicationContext().getServerNamespace();
        if (namespace != null && !namespace.equals("server")) {
            return; // a separate management server, not the pages
        }
        String contextPath = event.getApplicationContext().getServletContext().getContextPath();
        url = "http://localhost:" + event.getWebServer().getPort() + contextPath + "/";
        log.info("Jicha is ready at {}", url);
    }

    /** The pages' address, e.g. {@code http://localhost:8080/}; empty before the web server started or without one. */
    public Optional<String> url() {
        return Optional.ofNullable(url);
    }
}
