package org.jicha.rules.compile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jicha.rules.RuleMeta;
import org.jicha.rules.RuleParameters;
import org.jicha.rules.RuleProblem;

/**
 * Keeps a rule's {@code @description} honest about its thresholds. A description names the parameters it uses
 * and, for the reader, their value: {@code BIL-02.maxDaysSinceActualRead（60）天},
 * {@code BIL-15.residentialRatePerDay（0.1 %）}, {@code BIL-07.hvThresholdKv 10 kV}. Each such number must equal the
 * value in {@code parameters.yml} (a number followed by {@code %} is read as hundredths); a number that disagrees
 * is reported at the line of the DRL file that says it, naming the value and the line of {@code parameters.yml}.
 * A named parameter without a number after it, or a table, is not judged.
 */
public final class DescriptionCheck {

    /** A parameter key, then its value in full-width brackets or after spaces, optionally as a percentage. */
    private static final Pattern NAMED_VALUE = Pattern.compile(
            "((?:BIL|BUS|INS|MET|EXP|IMP)(?:-\\d{2})?\\.[A-Za-z]\\w*(?:\\.\\w+)*)(?:（|\\s+)(-?\\d+(?:\\.\\d+)?)\\s*(%?)");

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private DescriptionCheck() {}

    /** Every number of a description that disagrees with the parameter it names. */
    public static List<RuleProblem> check(Path rulesDir, List<RuleMeta> rules, RuleParameters parameters) {
        List<RuleProblem> problems = new ArrayList<>();
        for (RuleMeta rule : rules) {
            Matcher m = NAMED_VALUE.matcher(rule.description());
            List<String> lines = null;
            while (m.find()) {
                Object value = parameters.asMap().get(m.group(1));
                if (!(value instanceof Number number)) {
                    continue;
                }
                BigDecimal said = new BigDecimal(m.group(2));
                if (!m.group(3).isEmpty()) {
                    said = said.divide(HUNDRED);
                }
                if (said.compareTo(new BigDecimal(number.toString())) == 0) {
                    continue;
                }
                if (lines == null) {
                    lines = lines(rulesDir.resolve(rule.file()));
                }
                int line = lineSaying(lines, rule.line(), m.group());
                problems.add(new RuleProblem(
                        rule.file(),
                        line,
                        rule.code() + " 的 @description 写 " + m.group(1) + " 为 "
                                + m.group(2) + m.group(3) + "，而 " + RuleFolder.PARAMETERS_FILE + ":"
                                + parameters.lineOf(m.group(1)) + " 中为 " + number + " / the @description of "
                                + rule.code()
                                + " says " + m.group(2) + m.group(3) + " for " + m.group(1) + ", "
                                + RuleFolder.PARAMETERS_FILE
                                + ":" + parameters.lineOf(m.group(1)) + " has " + number));
            }
        }
        return problems;
    }

    /** The line (1-based) from the rule's own line on that holds the text; the rule's line if none does. */
    private static int lineSaying(List<String> lines, int ruleLine, String text) {
        for (int i = Math.max(ruleLine - 1, 0); i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        return ruleLine;
    }

    private static List<String> lines(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
