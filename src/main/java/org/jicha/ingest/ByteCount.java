package org.jicha.ingest;

import java.util.Locale;

/** A number of bytes as people read it in messages and reports: {@code 512 MB}, {@code 1.5 GB} (binary units). */
public final class ByteCount {

    private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB"};

    private ByteCount() {}

    public static String of(long bytes) {
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return value == Math.rint(value)
                ? String.format(Locale.ROOT, "%d %s", (long) value, UNITS[unit])
                : String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }
}
