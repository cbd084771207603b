package org.jicha.audit;

/** No run with that id. */
public class RunNotFoundException extends RuntimeException {

    public RunNotFoundException(long id) {
        super("稽查批次不存在 / no audit run " + id);
    }
}
