package org.jicha.bootstrap;

import org.jicha.audit.AuditService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Closes the runs an earlier process left RUNNING (FAILED, interrupted) once every bean exists but
 * <em>before</em> the Quartz scheduler starts: a job Quartz recovers at start then finds the crashed run
 * already closed, re-runs it and says so on it, and its own new run can never be taken for a stale one.
 */
@Component
class InterruptedRunCloser implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(InterruptedRunCloser.class);

    private final AuditService audits;

    InterruptedRunCloser(AuditService audits) {
        this.audits = audits;
    }

    @Override
    public void afterSingletonsInstantiated() {
        int interrupted = audits.failInterruptedRuns();
        if (interrupted > 0) {
            log.warn("{} audit run(s) were interrupted by a stop and are marked FAILED", interrupted);
        }
    }
}
