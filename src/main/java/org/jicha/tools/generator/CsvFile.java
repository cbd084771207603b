package org.jicha.tools.generator;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;

/**
 * One contract file written row by row: UTF-8 without BOM, RFC 4180 (a cell is quoted only when it holds a
 * comma, quote or line break), CRLF: the format of every file both generators write. Nothing is kept but a 64 KiB byte buffer, so a file
 * of millions of rows costs no memory; cells are encoded straight into bytes (numbers and dates without
 * {@code BigDecimal}, {@code String.format} or a {@code Writer}'s encoder).
 */
public final class CsvFile implements Closeable {

    private static final int BUFFER = 1 << 16;

    private final String name;
    private final OutputStream out;
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private boolean firstCell = true;
    private long rows;
    private boolean closed;

    public CsvFile(Path dir, String name, List<String> header) {
        this.name = name;
        try {
            this.out = Files.newOutputStream(dir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir.resolve(name), e);
        }
        for (String column : header) {
            text(column);
        }
        endLine();
    }

    /** A file in memory, without header, whose rows a file on disk takes over by {@link #append}. */
    public CsvFile(String name) {
        this.name = name;
        this.out = new ByteArrayOutputStream(1 << 16);
    }

    /** Appends the rows of an in-memory file (and counts them). */
    public void append(CsvFile chunk) {
        chunk.close();
        drain();
        try {
            ((ByteArrayOutputStream) chunk.out).writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + name, e);
        }
        rows += chunk.rows;
    }

    public String name() {
        return name;
    }

    /** Data rows written so far (the header not counted). */
    public long rows() {
        return rows;
    }

    /** Starts a cell: room for {@code bytes} more bytes and the separator. */
    private void next(int bytes) {
        if (pos + bytes + 1 > BUFFER) {
            drain();
        }
        if (!firstCell) {
            buf[pos++] = ',';
        }
        firstCell = false;
    }

    public CsvFile text(String value) {
        if (value == null) {
            next(0);
            return this;
        }
        int n = value.length();
        boolean ascii = true;
        boolean quote = false;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                ascii = false;
            } else if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                quote = true;
            }
        }
        if (quote) {
            value = '"' + value.replace("\"", "\"\"") + '"';
            n = value.length();
        }
        if (ascii) {
            next(n);
            if (n > BUFFER - pos) {
                bytes(value.getBytes(StandardCharsets.US_ASCII));
            } else {
                for (int i = 0; i < n; i++) {
                    buf[pos++] = (byte) value.charAt(i);
                }
            }
        } else {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            next(utf8.length);
            bytes(utf8);
        }
        return this;
    }

    private void bytes(byte[] b) {
        if (b.length > BUFFER - pos) {
            drain();
            write(b, b.length);
        } else {
            System.arraycopy(b, 0, buf, pos, b.length);
            pos += b.length;
        }
    }

    public CsvFile empty() {
        next(0);
        return this;
    }

    public CsvFile integer(long value) {
        next(21);
        digits(value);
        return this;
    }

    /** A fixed-point value held as an integer count of hundredths (money in fen, kWh to 2 decimals). */
    public CsvFile hundredths(long value) {
        return fixed(value, 2);
    }

    /** A value held as thousandths, written with three decimals. */
    public CsvFile thousandths(long value) {
        return fixed(value, 3);
    }

    private CsvFile fixed(long value, int decimals) {
        next(24);
        if (value < 0) {
            buf[pos++] = '-';
            value = -value;
        }
        long scale = decimals == 2 ? 100 : 1000;
        digits(value / scale);
        buf[pos++] = '.';
        long rest = value % scale;
        for (long d = scale / 10; d >= 1; d /= 10) {
            buf[pos++] = (byte) ('0' + rest / d % 10);
        }
        return this;
    }

    private void digits(long value) {
        if (value < 0) {
            buf[pos++] = '-';
            if (value == Long.MIN_VALUE) {
                byte[] b = "9223372036854775808".getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(b, 0, buf, pos, b.length);
                pos += b.length;
                return;
            }
            value = -value;
        }
        int start = pos;
        do {
            buf[pos++] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value > 0);
        for (int i = start, j = pos - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
    }

    public CsvFile date(LocalDate value) {
        next(10);
        if (value != null) {
            date(value.getYear(), value.getMonthValue(), value.getDayOfMonth());
        }
        return this;
    }

    /** A billing month, {@code yyyy-MM}. */
    public CsvFile month(YearMonth value) {
        next(7);
        four(value.getYear());
        buf[pos++] = '-';
        two(value.getMonthValue());
        return this;
    }

    public CsvFile timestamp(LocalDateTime value) {
        next(19);
        if (value != null) {
            date(value.getYear(), value.getMonthValue(), value.getDayOfMonth());
            buf[pos++] = ' ';
            two(value.getHour());
            buf[pos++] = ':';
            two(value.getMinute());
            buf[pos++] = ':';
            two(value.getSecond());
        }
        return this;
    }

    public CsvFile yesNo(boolean value) {
        next(1);
        buf[pos++] = (byte) (value ? 'Y' : 'N');
        return this;
    }

    private void date(int year, int month, int day) {
        four(year);
        buf[pos++] = '-';
        two(month);
        buf[pos++] = '-';
        two(day);
    }

    private void four(int v) {
        buf[pos++] = (byte) ('0' + v / 1000 % 10);
        buf[pos++] = (byte) ('0' + v / 100 % 10);
        buf[pos++] = (byte) ('0' + v / 10 % 10);
        buf[pos++] = (byte) ('0' + v % 10);
    }

    private void two(int v) {
        buf[pos++] = (byte) ('0' + v / 10);
        buf[pos++] = (byte) ('0' + v % 10);
    }

    /** Ends the current row. */
    public void endRow() {
        rows++;
        endLine();
    }

    private void endLine() {
        if (pos + 2 > BUFFER) {
            drain();
        }
        buf[pos++] = '\r';
        buf[pos++] = '\n';
        firstCell = true;
    }

    private void drain() {
        write(buf, pos);
        pos = 0;
    }

    private void write(byte[] b, int length) {
        try {
            out.write(b, 0, length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + name, e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            drain();
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + name, e);
        }
    }
}
