package org.jicha.plans;

/** No plan with that id (HTTP 404). */
public class PlanNotFoundException extends RuntimeException {

    public PlanNotFoundException(long id) {
        super("稽查计划不存在 / no audit plan " + id);
    }
}
