package org.jicha.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jicha.audit.ImpactPreview;
import org.jicha.audit.RunStatus;
import org.jicha.audit.RunStep;
import org.jicha.audit.RunTrigger;
import org.jicha.facts.SubjectType;
import org.jicha.ingest.FileStatus;
import org.jicha.ingest.LoadStatus;
import org.jicha.people.PasswordRule;
import org.jicha.people.Role;
import org.jicha.plans.PlanCadence;
import org.jicha.plans.PlanKind;
import org.jicha.reports.RatioKind;
import org.jicha.rules.ReloadOutcome;
import org.jicha.rules.ReloadTrigger;
import org.jicha.rules.Severity;
import org.jicha.rules.TeamKind;
import org.jicha.rules.Theme;
import org.jicha.rules.candidates.CandidateOutcome;
import org.jicha.tickets.FalsePositiveReason;
import org.jicha.tickets.TicketAction;
import org.jicha.tickets.TicketStatus;
import org.jicha.tickets.TicketWorkflow;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fails on any untranslated text of the pages: every message key a template or page controller uses exists in
 * both bundles, both bundles hold the same keys, and no template carries user-visible text of its own (texts
 * come from {@code th:text="#{...}"}). The brand and figures are exempt. {@code templates/reports/} is the
 * PDF report's print layout, rendered outside the web locale by the reports package, so it is not a page.
 */
class I18nTests {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    /** The page controllers: each feature's {@code web} package, the dashboard, and the layout in {@code web}. */
    static final Path SOURCES = Path.of("src/main/java/org/jicha");

    static final Set<String> EXEMPT_TEXT = Set.of("稽查 Jicha");
    /** Attributes a person reads or hears: they must come from messages too (th:attr / th:title ...). */
    static final Set<String> SPOKEN_ATTRIBUTES =
            Set.of("title", "alt", "placeholder", "aria-label", "label", "summary");

    /** Keys built from an enum in a template, e.g. {@code #{${'theme.' + t}}}: each constant needs its message. */
    static final Map<String, Class<? extends Enum<?>>> ENUM_KEYS = Map.ofEntries(
            Map.entry("theme.", Theme.class),
            Map.entry("severity.", Severity.class),
            Map.entry("subjectType.", SubjectType.class),
            Map.entry("theme.short.", Theme.class),
            Map.entry("teamKind.", TeamKind.class),
            Map.entry("role.", Role.class),
            Map.entry("runs.trigger.", RunTrigger.class),
            Map.entry("runs.status.", RunStatus.class),
            Map.entry("runs.step.", RunStep.class),
            Map.entry("loads.status.", LoadStatus.class),
            Map.entry("loads.fileStatus.", FileStatus.class),
            Map.entry("ticket.status.", TicketStatus.class),
            Map.entry("rules.reload.outcome.", ReloadOutcome.class),
            Map.entry("rules.reload.trigger.", ReloadTrigger.class),
            Map.entry("plans.kind.", PlanKind.class),
            Map.entry("plans.frequency.", PlanCadence.Frequency.class),
            Map.entry("plans.day.", DayOfWeek.class),
            Map.entry("rules.candidates.outcome.", CandidateOutcome.class),
            Map.entry("rules.preview.change.", ImpactPreview.Change.class),
            Map.entry("rules.preview.subjectType.", SubjectType.class),
            Map.entry("ticket.action.", TicketAction.class),
            Map.entry("falsePositive.", FalsePositiveReason.class),
            Map.entry("dispatch.outcome.", TicketWorkflow.DispatchOutcome.class),
            Map.entry("bulk.outcome.", TicketWorkflow.BulkOutcome.class),
            Map.entry("password.rule.", PasswordRule.class));

    static final Pattern LITERAL_KEY = Pattern.compile("#\\{([A-Za-z0-9_.-]+)");
    static final Pattern ENUM_KEY = Pattern.compile("#\\{\\$\\{'([A-Za-z0-9_.]+\\.)'\\s*\\+");
    static final Pattern VARIABLE_KEY = Pattern.compile("#\\{\\$\\{([A-Za-z]+)}}");
    /**
     * In page controllers: whole message keys handed to templates ({@code "notice", "runs.started"}) or resolved;
     * keys built from a prefix and an enum ({@code "theme." + key}) are checked through {@link #ENUM_KEYS}.
     */
    static final Pattern CODE_KEY =
            Pattern.compile("\"(?:notice|problem|previewError)\",\\s*\"([A-Za-z0-9_.]*[A-Za-z0-9_])\"\\s*\\)"
                    + "|getMessage\\(\"([A-Za-z0-9_.]*[A-Za-z0-9_])\"\\s*,"
                    + "|onPages\\(\"([A-Za-z0-9_.]*[A-Za-z0-9_])\"");

    static final Pattern CODE_KEY_LIST = Pattern.compile(
            "for \\(String key : List\\.of\\(([^)]*)\\)\\) \\{\\s*labels\\.put\\(key, messages\\.getMessage\\(\"([a-z.]+)\" \\+ key");

    static Properties zh;
    static Properties en;
    static List<Path> pages;

    @BeforeAll
    static void read() throws IOException {
        zh = bundle("messages.properties");
        en = bundle("messages_en.properties");
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            pages = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        assertThat(pages).hasSizeGreaterThan(8);
    }

    static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(
                Files.newInputStream(Path.of("src/main/resources", name)), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void bothBundlesHoldTheSameKeysAndNoEmptyText() {
        assertThat(en.stringPropertyNames())
                .as("keys in Chinese but not in English")
                .containsAll(zh.stringPropertyNames());
        assertThat(zh.stringPropertyNames())
                .as("keys in English but not in Chinese")
                .containsAll(en.stringPropertyNames());
        List<String> empty = new ArrayList<>();
        for (Properties p : List.of(zh, en)) {
            p.stringPropertyNames().stream()
                    .filter(k -> p.getProperty(k).isBlank())
                    .forEach(empty::add);
        }
        assertThat(empty).as("keys without text").isEmpty();
    }

    /**
     * Every constant of an enum shown to people has its label in both bundles: the pages' ({@link #ENUM_KEYS}) and
     * those that reports, API answers and exception messages print ({@code config.Labels}), which are nowhere else.
     */
    @Test
    void noKeyIsWrittenTwiceInABundle() throws IOException {
        // a key written twice silently keeps the last text: two branches adding the same block merge into that
        for (String name : List.of("messages.properties", "messages_en.properties")) {
            Map<String, Integer> seen = new LinkedHashMap<>();
            List<String> twice = new ArrayList<>();
            List<String> lines = Files.readAllLines(Path.of("src/main/resources", name), StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                int eq = line.indexOf('=');
                if (line.isEmpty() || line.startsWith("#") || eq < 0) {
                    continue;
                }
                Integer first = seen.putIfAbsent(line.substring(0, eq).strip(), i + 1);
                if (first != null) {
                    twice.add(name + ":" + (i + 1) + " " + line.substring(0, eq).strip() + " (first at line " + first
                            + ")");
                }
            }
            assertThat(twice).as(name).isEmpty();
        }
    }

    @Test
    void everyEnumConstantHasALabelInBothBundles() {
        Map<String, Class<? extends Enum<?>>> labelled = new LinkedHashMap<>(ENUM_KEYS);
        labelled.put("ratio.", RatioKind.class);
        labelled.put("ticket.verb.", TicketAction.class);
        labelled.put("password.reason.", PasswordRule.class);
        labelled.put("role.", Role.class);
        labelled.put("mail.status.", TicketStatus.class);
        List<String> missing = new ArrayList<>();
        labelled.forEach((prefix, type) -> Arrays.stream(type.getEnumConstants())
                .forEach(c -> {
                    List<String> keys = type == RatioKind.class
                            ? List.of(prefix + c.name(), prefix + c.name() + ".definition")
                            : List.of(prefix + c.name());
                    for (String key : keys) {
                        if (!zh.containsKey(key) || !en.containsKey(key)) {
                            missing.add(key);
                        }
                    }
                }));
        assertThat(missing)
                .as("enum constants without a label in messages.properties and messages_en.properties")
                .isEmpty();
    }

    @Test
    void theChineseBundleIsChinese() {
        List<String> notChinese = zh.stringPropertyNames().stream()
                .filter(k -> !k.startsWith("nav.lang.") && !k.equals("common.none"))
                .filter(k -> zh.getProperty(k)
                        .codePoints()
                        .noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                .filter(k -> !zh.getProperty(k).matches("[{}0-9\\s,()（），、/–-]*"))
                .sorted()
                .toList();
        assertThat(notChinese).as("messages.properties is the Chinese bundle").isEmpty();
    }

    @Test
    void everyKeyThatTemplatesAndPageControllersUseExistsInBothBundles() throws IOException {
        Set<String> used = new TreeSet<>();
        for (Path page : pages) {
            String text = Files.readString(page);
            Matcher m = LITERAL_KEY.matcher(text);
            while (m.find()) {
                used.add(m.group(1));
            }
            Matcher e = ENUM_KEY.matcher(text);
            while (e.find()) {
                Class<? extends Enum<?>> type = ENUM_KEYS.get(e.group(1));
                assertThat(type)
                        .as(page + ": key prefix " + e.group(1) + " is built from an enum this test knows")
                        .isNotNull();
                Arrays.stream(type.getEnumConstants()).forEach(c -> used.add(e.group(1) + c.name()));
            }
            Matcher v = VARIABLE_KEY.matcher(text);
            while (v.find()) {
                assertThat(v.group(1))
                        .as(page + ": a key held in a variable comes from a page controller")
                        .isIn("notice", "problem", "previewError");
            }
        }
        try (Stream<Path> code = Files.walk(SOURCES)) {
            for (Path java : code.filter(I18nTests::isPageCode).toList()) {
                String text = Files.readString(java);
                Matcher m = CODE_KEY.matcher(text);
                while (m.find()) {
                    used.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
                }
                Matcher list = CODE_KEY_LIST.matcher(text);
                while (list.find()) {
                    for (String item : list.group(1).split(",")) {
                        used.add(list.group(2) + item.strip().replace("\"", ""));
                    }
                }
            }
        }
        assertThat(used)
                .contains(
                        "dashboard.chart.open", "runs.started", "loads.upload.invalid", "theme.IMP", "runs.inProgress");
        assertThat(zh.stringPropertyNames())
                .as("keys missing in messages.properties")
                .containsAll(used);
        assertThat(en.stringPropertyNames())
                .as("keys missing in messages_en.properties")
                .containsAll(used);
    }

    /**
     * The trail page names each action in the reader's language: every action the product records
     * ({@code trail.record(actor, "ACTION", ...)}, also as {@code cond ? "A" : "B"}) has its {@code trail.action.}
     * label. Ticket actions ({@code "TICKET_" + action}) are named through the workflow's action labels.
     */
    @Test
    void everyActionTheTrailRecordsHasALabel() throws IOException {
        Pattern call = Pattern.compile("trail\\.record\\(");
        Pattern literal = Pattern.compile("\"([A-Z][A-Z_]*[A-Z])\"");
        Set<String> actions = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = Files.readString(file);
                Matcher m = call.matcher(code);
                while (m.find()) {
                    Matcher a = literal.matcher(secondArgument(code, m.end()));
                    while (a.find()) {
                        actions.add(a.group(1));
                    }
                }
            }
        }
        assertThat(actions).as("actions recorded in the trail").contains("LOGIN", "RUN_STARTED", "LOAD_UPLOAD");
        assertThat(actions.stream()
                        .filter(a -> !zh.containsKey("trail.action." + a))
                        .toList())
                .as("trail actions without a Chinese label (trail.action.<ACTION>)")
                .isEmpty();
    }

    static boolean isPageCode(Path java) {
        String path = SOURCES.relativize(java).toString().replace('\\', '/');
        return path.endsWith(".java")
                && (path.startsWith("web/") || path.contains("/web/") || path.startsWith("dashboard/"));
    }

    /** The text of a call's second argument, the call's arguments starting at {@code from}. */
    private static String secondArgument(String code, int from) {
        int depth = 0;
        int argument = 0;
        StringBuilder second = new StringBuilder();
        for (int i = from; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth-- == 0) {
                break;
            } else if (c == ',' && depth == 0 && ++argument == 2) {
                break;
            }
            if (argument == 1 && !(c == ',' && depth == 0)) {
                second.append(c);
            }
        }
        return second.toString();
    }

    @Test
    void templatesCarryNoTextOfTheirOwn() throws IOException {
        List<String> literal = new ArrayList<>();
        for (Path page : pages) {
            Document doc = Jsoup.parse(Files.readString(page), "", Parser.htmlParser());
            for (Element el : doc.getAllElements()) {
                String tag = el.tagName();
                if (tag.equals("script") || tag.equals("style")) {
                    continue;
                }
                String own = el.ownText().strip();
                if (!own.isEmpty() && !el.hasAttr("th:text") && !exempt(own)) {
                    literal.add(page.getFileName() + " <" + tag + ">: " + own);
                }
                Matcher quoted = Pattern.compile("'([^']*)'").matcher(el.attr("th:text"));
                while (quoted.find()) {
                    String q = quoted.group(1);
                    // key prefixes ('theme.'), date patterns and language codes are not text
                    if (q.codePoints().anyMatch(Character::isLetter)
                            && !q.endsWith(".")
                            && !exempt(q)
                            && !q.matches("[yMdHhmsS\\s:/.-]+|[a-z]{2}(-[A-Z]{2})?")) {
                        literal.add(page.getFileName() + " <" + tag + " th:text>: '" + q + "'");
                    }
                }
                for (Attribute a : el.attributes()) {
                    boolean spoken = SPOKEN_ATTRIBUTES.contains(a.getKey())
                            || (a.getKey().equals("value") && el.attr("type").matches("submit|button|reset"));
                    if (spoken && !a.getValue().isBlank() && !exempt(a.getValue())) {
                        literal.add(page.getFileName() + " <" + tag + " " + a.getKey() + ">: " + a.getValue());
                    }
                }
            }
        }
        assertThat(literal).as("text outside th:text=\"#{...}\"").isEmpty();
    }

    @Test
    void dataIsNeverPrintedUnescaped() throws IOException {
        for (Path page : pages) {
            assertThat(Files.readString(page))
                    .as(page + " uses th:utext or [(...)]")
                    .doesNotContain("th:utext")
                    .doesNotContainPattern("\\[\\(\\$\\{");
        }
    }

    private static boolean exempt(String text) {
        return EXEMPT_TEXT.contains(text) || text.matches("[\\d\\s.,:/%()·|–—-]*");
    }
}
