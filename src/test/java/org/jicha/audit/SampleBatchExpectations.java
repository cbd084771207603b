package org.jicha.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jicha.rules.RuleMeta;

/**
 * What the repository's sample batch must yield: the (rule, subject type, subject id) lines of
 * {@code sample-data/expected/expected-findings.csv} and {@code expected-findings-later.csv} (cases
 * planted for catalogue rules not shipped when the batch was made), restricted to the rules a rule set
 * ships: shipping a rule makes its planted cases part of the check.
 */
public final class SampleBatchExpectations {

    public static final Path SAMPLE = Path.of("sample-data");

    private SampleBatchExpectations() {}

    /** The expected findings of the shipped rules, as {@code RULE,SUBJECT_TYPE,SUBJECT_ID}. */
    public static Set<String> expectedFor(Collection<RuleMeta> shippedRules) {
        Set<String> codes = shippedRules.stream().map(RuleMeta::code).collect(Collectors.toSet());
        return Stream.of("expected-findings.csv", "expected-findings-later.csv")
                .flatMap(file -> lines(SAMPLE.resolve("expected").resolve(file)))
                .filter(l -> codes.contains(l.substring(0, l.indexOf(','))))
                .collect(Collectors.toSet());
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .skip(1)
                    .map(String::strip)
                    .filter(l -> !l.isEmpty());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A stored finding in the same shape. */
    public static String key(FindingView f) {
        return f.ruleCode() + "," + f.subjectType() + "," + f.subjectId();
    }
}
