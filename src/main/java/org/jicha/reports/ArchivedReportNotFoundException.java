package org.jicha.reports;

/** No archived report file with this id (or its file is gone from the archive folder): HTTP 404. */
public class ArchivedReportNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ArchivedReportNotFoundException(long id) {
        super("没有编号为 " + id + " 的归档报告文件 / no archived report file " + id);
    }
}
