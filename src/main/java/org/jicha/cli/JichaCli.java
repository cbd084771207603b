package org.jicha.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.jicha.tools.generator.province.GenerationSummary;
import org.jicha.tools.generator.province.GeneratorOptions;
import org.jicha.tools.generator.province.ProvinceGenerator;
import org.jicha.tools.generator.sample.SampleDataGenerator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Entry point of the command line; {@link #isCommand} tells {@code main} whether to take this path.
 *
 * <p>Long because it declares every command with its options (picocli, one nested class per command);
 * the work of each command is in its own class (CliAudit, CliRules, CliBench, ...).
 */
@Command(
        name = "jicha",
        mixinStandardHelpOptions = true,
        version = "jicha 0.1",
        description = "Jicha 稽查: marketing audit for power utilities.",
        subcommands = {
            JichaCli.Audit.class,
            JichaCli.SampleData.class,
            JichaCli.Generate.class,
            JichaCli.Rules.class,
            JichaCli.Bench.class
        })
public final class JichaCli {

    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int BAD_ARGUMENTS = 2;
    /** The audit completed, but a rule threw on some subjects: its other findings are written. */
    public static final int RULE_ERRORS = 3;

    private static final String GENERATING = "生成 Generating";
    private static final String CUSTOMERS = "户 customers";

    private static final Set<String> COMMANDS =
            Set.of("audit", "sample-data", "generate", "rules", "bench", "--help", "-h", "--version", "-V");

    private JichaCli() {}

    public static boolean isCommand(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /** Runs the command line and returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        quietLogging();
        CommandLine cli = new CommandLine(new JichaCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(e -> FAILURE);
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println(ex.getMessage());
            ex.getCommandLine().usage(err);
            return BAD_ARGUMENTS;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            err.println("错误 / error: " + ex.getMessage());
            return FAILURE;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Command(
            name = "audit",
            mixinStandardHelpOptions = true,
            description = "Load a batch folder into a throw-away database (an H2 file database in a temporary folder, "
                    + "deleted at exit), run every rule as of a date, write the findings as CSV.")
    static final class Audit implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(
                names = "--data",
                required = true,
                paramLabel = "DIR",
                description = "batch folder in the data contract's format")
        Path data;

        @Option(names = "--as-of", required = true, paramLabel = "YYYY-MM-DD", description = "as-of date of the audit")
        LocalDate asOf;

        @Option(
                names = "--findings-csv",
                required = true,
                paramLabel = "FILE",
                description = "where to write the findings (UTF-8 CSV)")
        Path findingsCsv;

        @Option(
                names = "--rules",
                paramLabel = "DIR",
                defaultValue = "rules",
                description = "rules folder (default: ${DEFAULT-VALUE})")
        Path rules;

        @Option(
                names = "--rejects-csv",
                paramLabel = "FILE",
                description = "where to write the rejected rows (UTF-8 CSV)")
        Path rejectsCsv;

        @Option(
                names = "--keep-db",
                paramLabel = "DIR",
                description = "load into an H2 file database in this folder (new or empty) and keep it, to look into "
                        + "afterwards with any H2 client (default: a temporary folder, deleted at exit)")
        Path keepDb;

        @Option(
                names = {"-q", "--quiet"},
                description = "no progress on standard error (rows loaded per file, subjects audited, rate, time left)")
        boolean quiet;

        @Override
        public Integer call() throws IOException {
            if (!Files.isDirectory(data)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--data " + data + ": no such folder");
            }
            if (!Files.isDirectory(rules)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--rules " + rules + ": no such folder");
            }
            if (keepDb != null && Files.exists(keepDb) && !isEmptyFolder(keepDb)) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(),
                        "--keep-db " + keepDb
                                + ": not an empty folder (the batch is audited alone, never on top of an earlier load)");
            }
            PrintWriter err = spec.commandLine().getErr();
            return new CliAudit(data, asOf, findingsCsv, rules, rejectsCsv, keepDb)
                    .run(spec.commandLine().getOut(), err, ProgressLine.onConsole(err, quiet));
        }
    }

    @Command(
            name = "sample-data",
            mixinStandardHelpOptions = true,
            description = "Write the sample batch (the repository's sample-data/) to a folder.")
    static final class SampleData implements Callable<Integer> {

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder to write the batch into")
        Path out;

        @Override
        public Integer call() throws Exception {
            SampleDataGenerator.write(out);
            return OK;
        }
    }

    @Command(
            name = "generate",
            mixinStandardHelpOptions = true,
            description = "Write a province-scale batch in the data contract's format, streaming (memory independent "
                    + "of the number of customers), the same bytes for the same arguments, with planted deviations "
                    + "listed in expected/planted.csv. No server is started.")
    static final class Generate implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--customers", required = true, paramLabel = "N", description = "number of customers")
        long customers;

        @Option(
                names = "--months",
                required = true,
                paramLabel = "M",
                description = "billing periods, ending with the month before the as-of date (1-60)")
        int months;

        @Option(names = "--seed", required = true, paramLabel = "S", description = "random seed")
        long seed;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder to write the batch into")
        Path out;

        @Option(
                names = "--as-of",
                paramLabel = "YYYY-MM-DD",
                description =
                        "as-of date of the audit the batch is for (default: 2026-11-05, so the last month is 2026-10)")
        LocalDate asOf;

        @Option(
                names = "--deviation-rate",
                paramLabel = "R",
                defaultValue = "0.01",
                description = "share of customers given one planted deviation (default: ${DEFAULT-VALUE})")
        double deviationRate;

        @Option(
                names = "--stations",
                paramLabel = "K",
                defaultValue = "0",
                description = "number of 供电所 (default: one per about 6,000 customers)")
        int stations;

        @Option(
                names = "--calendar",
                paramLabel = "FILE",
                defaultValue = "rules/calendar/cn-working-days.csv",
                description = "working-day calendar for the application steps (default: ${DEFAULT-VALUE}; "
                        + "plain weekdays when that file is absent)")
        Path calendar;

        @Option(
                names = {"-q", "--quiet"},
                description = "no progress on standard error (customers written, rate, time left)")
        boolean quiet;

        @Override
        public Integer call() {
            GeneratorOptions options;
            try {
                options = new GeneratorOptions(customers, months, seed, out, asOf, deviationRate, stations, calendar);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            if (Files.isRegularFile(out)) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--out " + out + ": is a file, not a folder");
            }
            ProgressLine progress = ProgressLine.onConsole(spec.commandLine().getErr(), quiet);
            GenerationSummary summary = ProvinceGenerator.generate(
                    options,
                    written ->
                            progress.update(GENERATING, written, customers, CUSTOMERS, (double) written / customers));
            progress.complete(GENERATING, customers, customers, CUSTOMERS);
            spec.commandLine().getOut().print(summary.report());
            return OK;
        }
    }

    @Command(
            name = "bench",
            mixinStandardHelpOptions = true,
            description = "Benchmark a batch on a fresh database: load rows/s per file, the full audit's wall time, "
                    + "subjects/s and findings/s, Drools vs SQL vs Java on the same data, peak heap per phase. Prints "
                    + "a Markdown report; exit 1 when the three ways disagree or the batch did not load as generated.")
    static final class Bench implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--data", required = true, paramLabel = "DIR", description = "batch folder (from `generate`)")
        Path data;

        @Option(
                names = "--db",
                required = true,
                paramLabel = "h2|postgres",
                description = "h2: a file database in a new temporary folder; postgres: a schema dropped and made anew")
        String db;

        @Option(
                names = "--db-url",
                paramLabel = "URL",
                description = "JDBC URL (postgres default: " + CliBench.DEFAULT_POSTGRES_URL + ")")
        String dbUrl;

        @Option(
                names = "--db-user",
                paramLabel = "USER",
                defaultValue = "postgres",
                description = "PostgreSQL user, trust authentication (default: ${DEFAULT-VALUE})")
        String dbUser;

        @Option(names = "--as-of", required = true, paramLabel = "YYYY-MM-DD", description = "as-of date of the audit")
        LocalDate asOf;

        @Option(
                names = "--repetitions",
                paramLabel = "N",
                defaultValue = "3",
                description =
                        "rounds of the Drools / SQL / Java comparison, median reported (default: ${DEFAULT-VALUE})")
        int repetitions;

        @Option(names = "--out", paramLabel = "FILE", description = "CSV file to append the figures to")
        Path out;

        @Option(
                names = "--rules",
                paramLabel = "DIR",
                defaultValue = "rules",
                description = "rules folder (default: ${DEFAULT-VALUE})")
        Path rules;

        @Override
        public Integer call() throws Exception {
            requireFolder(spec, "--data", data);
            requireFolder(spec, "--rules", rules);
            if (!db.equals("h2") && !db.equals("postgres")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--db " + db + ": h2 or postgres");
            }
            if (repetitions < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--repetitions must be at least 1");
            }
            return new CliBench(data, db, dbUrl, dbUser, asOf, repetitions, out, rules)
                    .run(spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }

    @Command(
            name = "rules",
            mixinStandardHelpOptions = true,
            description = "Work on a rules folder without starting the server: run its YAML tests, check it.",
            subcommands = {RulesTest.class, RulesCheck.class, RulesDiff.class})
    static final class Rules implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: test, check or diff");
        }
    }

    @Command(
            name = "test",
            mixinStandardHelpOptions = true,
            description = "Run every YAML rule test case (<rules>/tests/**/*.yml); exit 1 when one fails.")
    static final class RulesTest implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(
                names = "--rules",
                paramLabel = "DIR",
                defaultValue = "rules",
                description = "rules folder (default: ${DEFAULT-VALUE})")
        Path rules;

        @Override
        public Integer call() {
            requireFolder(spec, rules);
            return CliRules.test(
                    rules, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }

    @Command(
            name = "check",
            mixinStandardHelpOptions = true,
            description = "Compile the rules folder and lint it: untested rules, unused parameters. Exit 1 on errors.")
    static final class RulesCheck implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(
                names = "--rules",
                paramLabel = "DIR",
                defaultValue = "rules",
                description = "rules folder (default: ${DEFAULT-VALUE})")
        Path rules;

        @Option(names = "--strict", description = "a rule without a YAML test case is an error, not a warning")
        boolean strict;

        @Override
        public Integer call() {
            requireFolder(spec, rules);
            return CliRules.check(rules, strict, spec.commandLine().getOut());
        }
    }

    @Command(
            name = "diff",
            mixinStandardHelpOptions = true,
            description = "Impact preview: run the current and a candidate rules folder over a batch, without tickets; "
                    + "print per rule the findings under each and the subjects newly and no longer flagged.")
    static final class RulesDiff implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--candidate", required = true, paramLabel = "DIR", description = "the candidate rules folder")
        Path candidate;

        @Option(
                names = "--rules",
                paramLabel = "DIR",
                defaultValue = "rules",
                description = "current rules folder (default: ${DEFAULT-VALUE})")
        Path rules;

        @Option(
                names = "--data",
                required = true,
                paramLabel = "DIR",
                description = "batch folder in the data contract's format")
        Path data;

        @Option(names = "--as-of", required = true, paramLabel = "YYYY-MM-DD", description = "as-of date")
        LocalDate asOf;

        @Override
        public Integer call() throws IOException {
            requireFolder(spec, "--rules", rules);
            requireFolder(spec, "--candidate", candidate);
            requireFolder(spec, "--data", data);
            return new CliRulesDiff(candidate, rules, data, asOf)
                    .run(spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }

    /**
     * Commands print their own report on stdout; the engines' INFO lines (Drools compiling, for one) would
     * bury it. Commands that start Spring set their levels again through its logging properties.
     */
    private static void quietLogging() {
        if (org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.WARN);
            ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.drools.mvel.MVELConstraint"))
                    .setLevel(ch.qos.logback.classic.Level.ERROR);
        }
    }

    private static boolean isEmptyFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void requireFolder(CommandLine.Model.CommandSpec spec, String option, Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + " " + folder + ": no such folder");
        }
    }

    private static void requireFolder(CommandLine.Model.CommandSpec spec, Path rules) {
        if (!Files.isDirectory(rules)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rules " + rules + ": no such folder");
        }
    }

    static String stackTrace(Throwable e) {
        StringWriter s = new StringWriter();
        e.printStackTrace(new PrintWriter(s));
        return s.toString();
    }
}
