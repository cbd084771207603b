package org.jicha.reports;

/** No Chinese font can be embedded, so no PDF can be made (JSON and XLSX still work): HTTP 503 with what to do. */
public class PdfFontMissingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PdfFontMissingException(IllegalStateException cause) {
        super(cause.getMessage(), cause);
    }
}
