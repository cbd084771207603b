package org.jicha.audit;

/** No stored impact preview with that id (removed with the older ones, or never made). */
public class PreviewNotFoundException extends RuntimeException {

    public PreviewNotFoundException(long id) {
        super("影响预览不存在（可能已被较新的预览替换）/ no impact preview " + id);
    }
}
