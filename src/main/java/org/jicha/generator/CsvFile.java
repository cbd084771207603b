package org.jicha.generator;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * One contract file written row by row: UTF-8 without BOM, RFC 4180 (a cell is quoted only when it holds a
 * comma, quote or line break), CRLF like the sample batch. Nothing is kept but the output buffer, so a file of
 * millions of rows costs no memory; numbers are formatted without {@code BigDecimal} or {@code String.format}.
 */
final class CsvFile implements Closeable {

    private final String name;
    private final BufferedWriter out;
    private final StringBuilder line = new StringBuilder(256);
    private boolean firstCell = true;
    private long rows;

    CsvFile(Path dir, String name, List<String> header) {
        this.name = name;
        try {
            this.out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(dir.resolve(name)),
                    StandardCharsets.UTF_8), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir.resolve(name), e);
        }
        for (String column : header) {
            text(column);
        }
        flushLine();
    }

    String name() {
        return name;
    }

    /** Data rows written so far (the header not counted). */
    long rows() {
        return rows;
    }

    private StringBuilder next() {
        if (!firstCell) {
            line.append(',');
        }
        firstCell = false;
        return line;
    }

    CsvFile text(String value) {
        StringBuilder b = next();
        if (value == null) {
            return this;
        }
        if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            b.append('"').append(value.replace("\"", "\"\"")).append('"');
        } else {
            b.append(value);
        }
        return this;
    }

    CsvFile empty() {
        next();
        return this;
    }

    CsvFile integer(long value) {
        next().append(value);
        return this;
    }

    /** A fixed-point value held as an integer count of hundredths (money in fen, kWh to 2 decimals). */
    CsvFile hundredths(long value) {
        StringBuilder b = next();
        if (value < 0) {
            b.append('-');
            value = -value;
        }
        b.append(value / 100).append('.');
        long rest = value % 100;
        if (rest < 10) {
            b.append('0');
        }
        b.append(rest);
        return this;
    }

    /** A value held as thousandths, written with three decimals. */
    CsvFile thousandths(long value) {
        StringBuilder b = next();
        if (value < 0) {
            b.append('-');
            value = -value;
        }
        b.append(value / 1000).append('.');
        long rest = value % 1000;
        if (rest < 100) {
            b.append('0');
        }
        if (rest < 10) {
            b.append('0');
        }
        b.append(rest);
        return this;
    }

    CsvFile date(LocalDate value) {
        StringBuilder b = next();
        if (value != null) {
            appendDate(b, value);
        }
        return this;
    }

    CsvFile timestamp(LocalDateTime value) {
        StringBuilder b = next();
        if (value != null) {
            appendDate(b, value.toLocalDate());
            b.append(' ');
            two(b, value.getHour());
            b.append(':');
            two(b, value.getMinute());
            b.append(':');
            two(b, value.getSecond());
        }
        return this;
    }

    CsvFile yesNo(boolean value) {
        next().append(value ? 'Y' : 'N');
        return this;
    }

    static void appendDate(StringBuilder b, LocalDate d) {
        b.append(d.getYear()).append('-');
        two(b, d.getMonthValue());
        b.append('-');
        two(b, d.getDayOfMonth());
    }

    private static void two(StringBuilder b, int v) {
        if (v < 10) {
            b.append('0');
        }
        b.append(v);
    }

    /** Ends the current row. */
    void endRow() {
        rows++;
        flushLine();
    }

    private void flushLine() {
        line.append('\r').append('\n');
        try {
            out.append(line);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + name, e);
        }
        line.setLength(0);
        firstCell = true;
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + name, e);
        }
    }
}
