package org.jicha.rules;

import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.io.ResourceType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule set without some of its rules, to evaluate a subject again without the rules that threw on it.
 * Each variant is compiled again from the set's own sources into a KieBase (and class loader) of its own, and
 * the rules are then removed from it with {@link KieBase#removeRule}: removing a rule from a second KieBase of
 * the same KieContainer (or KieModule) also unloads the rule's classes the set in force still runs, so the
 * variant must share nothing with it. Compiling takes seconds, so a variant is built once per set of rules left
 * out and kept; only a run in which a rule throws ever builds one.
 */
final class RuleVariants {

    private static final Logger log = LoggerFactory.getLogger(RuleVariants.class);
    /** Enough for every combination of a few failing rules; past it a variant is compiled for each use. */
    private static final int KEPT = 16;

    private static final AtomicLong BUILDS = new AtomicLong();

    /** A Drools rule by package and name (a name may contain dots). */
    record RuleName(String packageName, String name) {}

    private final Map<String, String> sources;
    private final String contentHash;
    private final Map<Set<RuleName>, KieBase> kept = new HashMap<>();

    /** @param sources the DRL text of each rule file (decision tables as generated DRL) by KIE resource path */
    RuleVariants(Map<String, String> sources, String contentHash) {
        this.sources = Map.copyOf(sources);
        this.contentHash = contentHash;
    }

    /** The rule set without the given rules. */
    synchronized KieBase without(Set<RuleName> rules) {
        Set<RuleName> key = Set.copyOf(rules);
        KieBase variant = kept.get(key);
        if (variant == null) {
            variant = compileWithout(key);
            if (kept.size() < KEPT) {
                kept.put(key, variant);
            }
        }
        return variant;
    }

    private KieBase compileWithout(Set<RuleName> rules) {
        long began = System.nanoTime();
        KieServices kieServices = KieServices.Factory.get();
        ReleaseId releaseId = kieServices.newReleaseId(
                "org.jicha.ruleset", "variant", "1.0." + BUILDS.incrementAndGet() + "-" + contentHash.substring(0, 12));
        KieFileSystem kfs = kieServices.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        sources.forEach((path, text) -> kfs.write(
                path,
                kieServices
                        .getResources()
                        .newReaderResource(new StringReader(text), "UTF-8")
                        .setSourcePath(path)
                        .setResourceType(ResourceType.DRL)));
        KieBuilder builder = kieServices.newKieBuilder(kfs).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        try {
            if (!errors.isEmpty()) {
                // the same sources compiled when the set was loaded
                throw new IllegalStateException("rule set " + contentHash + " no longer compiles: " + errors.get(0));
            }
            KieBase variant = kieServices.newKieContainer(releaseId).getKieBase();
            for (RuleName rule : rules) {
                variant.removeRule(rule.packageName(), rule.name());
            }
            log.info(
                    "Rule set {} without {} compiled in {} ms",
                    contentHash.substring(0, 12),
                    rules.stream().map(RuleName::name).sorted().toList(),
                    (System.nanoTime() - began) / 1_000_000);
            return variant;
        } finally {
            kieServices.getRepository().removeKieModule(releaseId);
        }
    }
}
