package org.jicha.audit;

import java.util.UUID;

/**
 * A random id of this JVM, recorded on every run it starts: runs left RUNNING by an earlier process are
 * told apart from the runs of this one (a recovered run must never be closed as "interrupted").
 */
final class NodeInstance {

    private static final String ID = UUID.randomUUID().toString();

    private NodeInstance() {}

    public static String id() {
        return ID;
    }
}
