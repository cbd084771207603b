package org.jicha.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The Chinese font embedded (as a subset) in every PDF, so that a report prints the same on any machine.
 * Needs a TrueType-outline font (.ttf, or .ttc collections such as SimSun or WenQuanYi Zen Hei); CFF
 * OpenType fonts (e.g. Noto Sans CJK .otf) cannot be embedded by PDFBox as Type 0 fonts.
 */
final class CjkFont {

    /** Tried in this order when no font is configured: Debian/Ubuntu, then Windows, then macOS. */
    static final List<Path> CANDIDATES = List.of(
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"),
            Path.of("C:/Windows/Fonts/simsun.ttc"),
            Path.of("C:/Windows/Fonts/msyh.ttc"),
            Path.of("/Library/Fonts/Arial Unicode.ttf"));

    private final Path file;

    private CjkFont(Path file) {
        this.file = file;
    }

    /**
     * The configured font file, or the first candidate present.
     *
     * @throws IllegalStateException naming the setting when there is none
     */
    public static CjkFont locate(Path configured) {
        if (configured != null) {
            if (!Files.isRegularFile(configured)) {
                throw new IllegalStateException("jicha.reports.pdf-font: 字体文件不存在 / font file not found: " + configured);
            }
            return new CjkFont(configured);
        }
        return find().map(CjkFont::new)
                .orElseThrow(() -> new IllegalStateException(
                        "找不到可嵌入的中文字体，请设置 jicha.reports.pdf-font（例如 C:/Windows/Fonts/simsun.ttc，或安装 Debian 软件包 "
                                + "fonts-wqy-zenhei） / no embeddable Chinese font found: set jicha.reports.pdf-font, e.g. to "
                                + "simsun.ttc, or install fonts-wqy-zenhei"));
    }

    static Optional<Path> find() {
        return CANDIDATES.stream().filter(Files::isRegularFile).findFirst();
    }

    public Path file() {
        return file;
    }

    /** Loads the font into a document, embedded as a subset of the glyphs used. */
    PDType0Font loadInto(PDDocument document) {
        try {
            TrueTypeFont font;
            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
                // the collection stays open while the document uses its first font; both close with the JVM's GC
                @SuppressWarnings("resource")
                TrueTypeCollection collection = new TrueTypeCollection(file.toFile());
                TrueTypeFont[] first = new TrueTypeFont[1];
                collection.processAllFonts(f -> {
                    if (first[0] == null) {
                        first[0] = f;
                    }
                });
                font = first[0];
            } else {
                font = new TTFParser().parse(new RandomAccessReadBufferedFile(file.toFile()));
            }
            if (font == null) {
                throw new IllegalStateException("字体集合为空 / the font collection is empty: " + file);
            }
            return PDType0Font.load(document, font, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the font " + file, e);
        }
    }
}
