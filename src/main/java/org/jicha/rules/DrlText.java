package org.jicha.rules;

/**
 * Makes a DRL file's Java parts (rule consequences and functions) independent of the platform charset.
 *
 * <p>Drools compiles consequences and functions as generated Java source, and on a JVM whose default
 * charset is not UTF-8 (a POSIX locale, or GBK on a Chinese Windows) the Chinese text of a finding's
 * evidence came out as {@code ???}. Java reads {@code \\uXXXX} escapes anywhere in source, so writing every
 * non-ASCII character of those parts as an escape gives the same program on every platform. Line numbers
 * stay as they are, so errors still point at the audit team's file and line.
 */
final class DrlText {

    private DrlText() {
    }

    static String javaPartsInAscii(String drl) {
        StringBuilder out = new StringBuilder(drl.length() + 64);
        boolean inJava = false;
        int braceDepth = 0;
        boolean inFunction = false;
        for (String line : drl.split("(?<=\n)", -1)) {
            String trimmed = line.strip();
            if (!inJava && (trimmed.equals("then") || trimmed.startsWith("then ") || trimmed.startsWith("then//"))) {
                out.append(line);
                inJava = true;
                continue;
            }
            if (!inJava && trimmed.startsWith("function ")) {
                inJava = true;
                inFunction = true;
                braceDepth = 0;
            }
            if (inJava && !inFunction && trimmed.equals("end")) {
                inJava = false;
                out.append(line);
                continue;
            }
            out.append(inJava ? escapeNonAscii(line) : line);
            if (inFunction) {
                braceDepth += count(line, '{') - count(line, '}');
                if (braceDepth <= 0 && line.indexOf('}') >= 0) {
                    inJava = false;
                    inFunction = false;
                }
            }
        }
        return out.toString();
    }

    static String escapeNonAscii(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    private static int count(String line, char c) {
        int n = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
