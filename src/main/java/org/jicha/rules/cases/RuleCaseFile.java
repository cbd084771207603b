package org.jicha.rules.cases;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads the YAML rule test files below {@code <rules>/tests/}. A file holds {@code cases:}, a list of
 * cases, each with {@code name}, {@code as_of}, {@code records}, {@code expect} and optionally {@code only}:
 *
 * <pre>
 * cases:
 *   - name: meter without a reading for October
 *     as_of: 2026-11-05
 *     only: [BIL-01]
 *     records:
 *       customers:
 *         - {customer_no: C001, customer_name: 张三, ...}
 *     expect:
 *       - {rule: BIL-01, subject: M001}
 * </pre>
 *
 * Every scalar is read as text, exactly as it would stand in the CSV cell ({@code 2026-11-05} is not turned
 * into a YAML timestamp, {@code 0.22} not into a number); the records are converted by {@link RuleCaseRecords}.
 */
public final class RuleCaseFile {

    public static final String TESTS_DIR = "tests";

    private static final Set<String> CASE_KEYS = Set.of("name", "as_of", "records", "expect", "only");

    private RuleCaseFile() {}

    /** The {@code *.yml} files below {@code <rulesDir>/tests}, sorted; none when the folder is missing. */
    public static List<Path> files(Path rulesDir) {
        Path tests = rulesDir.resolve(TESTS_DIR);
        if (!Files.isDirectory(tests)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(tests)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".yml")
                            || p.getFileName().toString().endsWith(".yaml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new RuleCaseException(tests + ": " + e.getMessage());
        }
    }

    /** Reads the cases of one file; {@code display} names it in messages. */
    public static List<RuleCase> read(Path file, String display) {
        Object root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = textOnlyYaml().load(reader);
        } catch (IOException | YAMLException e) {
            throw new RuleCaseException(display + ": not readable YAML: " + e.getMessage());
        }
        if (!(root instanceof Map<?, ?> top) || !(top.get("cases") instanceof List<?> cases)) {
            throw new RuleCaseException(display + ": expected a top-level 'cases:' list");
        }
        List<RuleCase> result = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < cases.size(); i++) {
            RuleCase c = readCase(display, i + 1, cases.get(i));
            if (!names.add(c.name())) {
                throw new RuleCaseException(
                        display + ": case \"" + c.name() + "\": the name is used twice in the file");
            }
            result.add(c);
        }
        return result;
    }

    private static RuleCase readCase(String file, int index, Object raw) {
        if (!(raw instanceof Map<?, ?> map)) {
            throw new RuleCaseException(
                    file + ": case " + index + ": expected a mapping with name, as_of, records, expect");
        }
        String name = map.get("name") instanceof String s && !s.isBlank() ? s.strip() : "#" + index;
        String where = file + ": case \"" + name + "\"";
        for (Object key : map.keySet()) {
            if (!CASE_KEYS.contains(String.valueOf(key))) {
                throw new RuleCaseException(
                        where + ": unknown key '" + key + "' (expected one of " + new TreeSet<>(CASE_KEYS) + ")");
            }
        }
        if (!(map.get("name") instanceof String)) {
            throw new RuleCaseException(where + ": field name: missing");
        }
        LocalDate asOf;
        try {
            asOf = LocalDate.parse(String.valueOf(map.get("as_of")).strip());
        } catch (DateTimeParseException e) {
            throw new RuleCaseException(where + ": field as_of: \"" + map.get("as_of") + "\" is not a date yyyy-MM-dd");
        }
        return new RuleCase(
                file,
                name,
                asOf,
                records(where, map.get("records")),
                expected(where, map.get("expect")),
                only(where, map.get("only")));
    }

    private static Map<String, List<Map<String, String>>> records(String where, Object raw) {
        if (raw == null) {
            return Map.of();
        }
        if (!(raw instanceof Map<?, ?> files)) {
            throw new RuleCaseException(where + ": field records: expected file name -> list of rows");
        }
        Map<String, List<Map<String, String>>> result = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : files.entrySet()) {
            String fileName = String.valueOf(e.getKey()).replaceFirst("\\.csv$", "");
            List<Map<String, String>> rows = new ArrayList<>();
            if (!(e.getValue() instanceof List<?> list)) {
                throw new RuleCaseException(where + ": records " + fileName + ": expected a list of rows");
            }
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof Map<?, ?> row)) {
                    throw new RuleCaseException(
                            where + ": records " + fileName + " row " + (i + 1) + ": expected column: value pairs");
                }
                Map<String, String> cells = new LinkedHashMap<>();
                row.forEach((k, v) -> cells.put(
                        String.valueOf(k), v == null ? "" : String.valueOf(v).strip()));
                rows.add(cells);
            }
            result.put(fileName, rows);
        }
        return result;
    }

    private static Set<RuleCase.Expected> expected(String where, Object raw) {
        if (!(raw instanceof List<?> list)) {
            throw new RuleCaseException(where + ": field expect: expected a list of {rule, subject} ([] for none)");
        }
        Set<RuleCase.Expected> result = new TreeSet<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> m)
                    || !(m.get("rule") instanceof String rule)
                    || !(m.get("subject") instanceof String subject)
                    || m.size() != 2) {
                throw new RuleCaseException(
                        where + ": field expect: \"" + item + "\" is not {rule: CODE, subject: KEY}");
            }
            result.add(new RuleCase.Expected(rule.strip(), subject.strip()));
        }
        return result;
    }

    private static Set<String> only(String where, Object raw) {
        if (raw == null) {
            return Set.of();
        }
        Collection<?> items = raw instanceof List<?> list ? list : List.of(raw);
        Set<String> codes = new TreeSet<>();
        for (Object item : items) {
            if (!(item instanceof String code) || code.isBlank()) {
                throw new RuleCaseException(where + ": field only: expected rule codes, got \"" + item + "\"");
            }
            codes.add(code.strip());
        }
        return codes;
    }

    /** SnakeYAML without implicit typing: every scalar stays the text the audit team wrote. */
    private static Yaml textOnlyYaml() {
        Resolver textOnly = new Resolver() {
            @Override
            protected void addImplicitResolvers() {
                // none: no timestamps, numbers or booleans; a CSV cell is text until the converter reads it
            }
        };
        DumperOptions dumper = new DumperOptions();
        return new Yaml(
                new SafeConstructor(new LoaderOptions()),
                new Representer(dumper),
                dumper,
                new LoaderOptions(),
                textOnly);
    }
}
