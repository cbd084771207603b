package org.jicha.tools.bench.jmh;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jicha.facts.AuditContext;
import org.jicha.facts.FactAssembler;
import org.jicha.facts.StoredRecords.CustomerBundle;
import org.jicha.facts.fixtures.StandardTariffs;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@link FactAssembler#assemble} of one customer bundle (one meter, 13 months of readings and bills): the derived
 * history every audited customer costs before a rule sees it. Run by {@code bench/jmh.sh}, never by Surefire.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FactAssemblerBenchmark {

    private static final int BUNDLES = 1_000;

    private FactAssembler assembler;
    private AuditContext ctx;
    private List<CustomerBundle> bundles;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        assembler = new FactAssembler(StandardTariffs.all());
        ctx = Bundles.context();
        bundles = Bundles.residential(BUNDLES, 20_261_129L);
    }

    /** One bundle per call, cycling through 1,000 different ones so no single customer is cached hot. */
    @Benchmark
    public List<Object> assembleOneCustomer() {
        CustomerBundle bundle = bundles.get(next);
        next = (next + 1) % BUNDLES;
        return assembler.assemble(bundle, ctx);
    }
}
