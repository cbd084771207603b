package org.jicha.audit;

/** Another audit run is in progress on this node; runs never overlap. */
public class RunInProgressException extends RuntimeException {

    public RunInProgressException() {
        super("另一个稽查批次正在运行 / another audit run is in progress");
    }
}
