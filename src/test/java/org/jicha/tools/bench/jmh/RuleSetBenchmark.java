package org.jicha.tools.bench.jmh;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jicha.facts.AuditContext;
import org.jicha.facts.FactAssembler;
import org.jicha.facts.StoredRecords.CustomerBundle;
import org.jicha.facts.fixtures.StandardTariffs;
import org.jicha.rules.Finding;
import org.jicha.rules.RuleSet;
import org.jicha.rules.RuleSetLoader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@link RuleSet#evaluate} of one audit batch: the facts of 1,000 customers (as {@code AuditService} hands a
 * stateless session per batch) against the shipped rule set, compiled from {@code rules/} by {@link RuleSetLoader}
 * as the tests load it. Run by {@code bench/jmh.sh}, never by Surefire.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RuleSetBenchmark {

    private static final int BATCH = 1_000;

    private RuleSet ruleSet;
    private AuditContext ctx;
    private List<Object> facts;

    @Setup(Level.Trial)
    public void setUp() {
        ruleSet = new RuleSetLoader().load(Path.of("rules"));
        ctx = ruleSet.contextAsOf(Bundles.AS_OF);
        FactAssembler assembler = new FactAssembler(StandardTariffs.all());
        facts = new ArrayList<>();
        for (CustomerBundle bundle : Bundles.residential(BATCH, 20_261_129L)) {
            facts.addAll(assembler.assemble(bundle, ctx));
        }
    }

    @Benchmark
    public List<Finding> evaluateBatchOf1000Customers() {
        return ruleSet.evaluate(ctx, facts);
    }
}
