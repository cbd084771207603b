package org.jicha.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The rules compile to the same titles and evidence whatever the JVM's default charset: a Chinese Windows
 * (GBK) or a POSIX locale must not turn the audit team's Chinese into question marks.
 */
class RuleSetCharsetTests {

    /** Run in a child JVM: prints the BIL-01 title and the rule names of the shipped set as unicode escapes. */
    public static void main(String[] args) {
        RuleSet set = new RuleSetLoader().load(Path.of(args[0]));
        RuleMeta bil01 = set.rule("BIL-01").orElseThrow();
        System.out.println(escape(bil01.title()) + " " + bil01.line());
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        s.chars().forEach(c -> out.append(c < 128 ? String.valueOf((char) c) : String.format("\\\\u%04x", c)));
        return out.toString();
    }

    @Test
    void titlesSurviveALatin1DefaultCharset() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(List.of(
                        java,
                        "-Dfile.encoding=ISO-8859-1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        RuleSetCharsetTests.class.getName(),
                        "rules"))
                .redirectError(new File(System.getProperty("java.io.tmpdir"), "jicha-charset-test.err"))
                .start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(out).contains(escape("超期未抄") + " ");
        assertThat(out.strip()).doesNotEndWith(" 0");
    }
}
