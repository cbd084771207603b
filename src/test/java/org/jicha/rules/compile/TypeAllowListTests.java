package org.jicha.rules.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jicha.facts.AuditContext;
import org.jicha.facts.CustomerFact;
import org.jicha.rules.RuleParameters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mvel2.MVEL;
import org.mvel2.ParserConfiguration;
import org.mvel2.ParserContext;

/**
 * The allow-list of types, and its two checks on compiled code: the bytecode check on classes javac compiled
 * here (the way Drools compiles a consequence), the MVEL check on expressions compiled the way Drools
 * compiles a constraint.
 */
class TypeAllowListTests {

    @Test
    void theFactModelTheRuleHelpersAndJavaBasicsAreAllowed() {
        for (String type : List.of(
                "org.jicha.facts.CustomerFact",
                "org.jicha.rules.Evidence",
                "org.jicha.rules.RuleParameters",
                "org.jicha.rules.FindingCollector",
                "java.lang.String",
                "java.lang.Math",
                "java.lang.StringBuilder",
                "java.lang.Integer",
                "java.time.LocalDate",
                "java.time.format.DateTimeFormatter",
                "java.math.BigDecimal",
                "java.util.ArrayList",
                "java.util.Map$Entry",
                "java.util.function.Supplier",
                "java.util.stream.Collectors",
                "int",
                "double[]")) {
            assertThat(TypeAllowList.allows(type)).as(type).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "java.lang.Runtime",
                "java.lang.ProcessBuilder",
                "java.lang.System",
                "java.lang.Thread",
                "java.lang.ClassLoader",
                "java.lang.Class",
                "java.lang.reflect.Method",
                "java.lang.invoke.MethodHandles",
                "java.io.File",
                "java.nio.file.Files",
                "java.net.URL",
                "javax.script.ScriptEngineManager",
                "javax.naming.InitialContext",
                "sun.misc.Unsafe",
                "java.io.ObjectInputStream",
                "java.time.zone.ZoneRulesProvider",
                "java.util.concurrent.Executors",
                "java.util.ServiceLoader",
                "org.drools.core.rule.consequence.KnowledgeHelper",
                "java.lang.Runtime[]"
            })
    void everythingElseIsRefused(String type) {
        assertThat(TypeAllowList.allows(type)).isFalse();
    }

    @Test
    void anObjectsClassItsMonitorAndSystemPropertiesAreRefusedEvenOnAllowedTypes() {
        assertThat(TypeAllowList.refusal("java.lang.String", "getClass")).isEqualTo("java.lang.String.getClass");
        assertThat(TypeAllowList.refusal("java.lang.Object", "wait")).isNotNull();
        assertThat(TypeAllowList.refusal("java.lang.Boolean", "getBoolean")).isNotNull();
        assertThat(TypeAllowList.refusal("java.util.Locale", "setDefault")).isNotNull();
        assertThat(TypeAllowList.refusal("java.lang.Runtime", "availableProcessors"))
                .isEqualTo("java.lang.Runtime");
        assertThat(TypeAllowList.refusal("java.lang.String", "length")).isNull();
        assertThat(TypeAllowList.refusal("org.jicha.rules.FindingCollector", "raise"))
                .isNull();
    }

    // --- the bytecode check, on classes javac compiled from these fixtures ---

    static class RunsACommand {
        static void consequence() throws IOException {
            Runtime.getRuntime().exec(new String[] {"touch", "/tmp/jicha-allow-list-test"});
        }
    }

    static class ReachesRuntimeByName {
        static Object consequence() throws ReflectiveOperationException {
            return Class.forName("java.lang." + "Runtime")
                    .getMethod("getRuntime")
                    .invoke(null);
        }
    }

    static class ReachesAClassLoaderThroughGetClass {
        static Object consequence() {
            return "".getClass().getClassLoader();
        }
    }

    static class RefersToRuntimeThroughAMethodReference {
        static Supplier<Runtime> consequence() {
            return Runtime::getRuntime;
        }
    }

    static class NamesAClassLiteral {
        static Object consequence() {
            return String.class;
        }
    }

    static class ReadsAnEnvironmentVariable {
        static String consequence() {
            return System.getenv("HOME");
        }
    }

    static class ComparesWithMathTimeAndCollections {
        static String consequence(CustomerFact c, RuleParameters p) {
            LocalDate due = LocalDate.of(2026, 12, 7).plusDays(Math.max(1, p.integer("x")));
            List<String> parts = List.of(c.getCustomerNo(), String.valueOf(Math.abs(c.getContractKva())));
            return parts.stream().map(String::toUpperCase).collect(Collectors.joining(",")) + " " + due
                    + new StringBuilder("!").reverse();
        }
    }

    private static Map<String, List<String>> refusalsOf(Class<?>... fixtures) {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        classes.put(TypeAllowListTests.class.getName(), bytes(TypeAllowListTests.class));
        for (Class<?> fixture : fixtures) {
            classes.put(fixture.getName(), bytes(fixture));
        }
        Map<String, List<String>> refusals = new ClassFileCheck(classes).refusals();
        refusals.remove(TypeAllowListTests.class.getName()); // the test itself uses JUnit: not a fixture
        return refusals;
    }

    private static byte[] bytes(Class<?> type) {
        String name = type.getName().substring(type.getName().lastIndexOf('.') + 1) + ".class";
        try (InputStream in = type.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void callingRuntimeExecIsRefused() {
        assertThat(refusalsOf(RunsACommand.class).get(RunsACommand.class.getName()))
                .contains("java.lang.Runtime.getRuntime", "java.lang.Runtime.exec");
    }

    @Test
    void reachingRuntimeThroughReflectionIsRefused() {
        assertThat(refusalsOf(ReachesRuntimeByName.class).get(ReachesRuntimeByName.class.getName()))
                .contains("java.lang.Class.forName", "java.lang.Class.getMethod", "java.lang.reflect.Method.invoke");
        assertThat(refusalsOf(ReachesAClassLoaderThroughGetClass.class)
                        .get(ReachesAClassLoaderThroughGetClass.class.getName()))
                .contains("java.lang.Object.getClass", "java.lang.Class.getClassLoader");
    }

    @Test
    void aMethodReferenceIsCheckedLikeACall() {
        assertThat(refusalsOf(RefersToRuntimeThroughAMethodReference.class)
                        .get(RefersToRuntimeThroughAMethodReference.class.getName()))
                .contains("java.lang.Runtime.getRuntime");
    }

    @Test
    void classLiteralsAndTheEnvironmentAreRefused() {
        assertThat(refusalsOf(NamesAClassLiteral.class).get(NamesAClassLiteral.class.getName()))
                .containsExactly("java.lang.String.class (constant)");
        assertThat(refusalsOf(ReadsAnEnvironmentVariable.class).get(ReadsAnEnvironmentVariable.class.getName()))
                .containsExactly("java.lang.System.getenv");
    }

    @Test
    void mathTimeCollectionsStreamsAndStringsPass() {
        assertThat(refusalsOf(ComparesWithMathTimeAndCollections.class)).isEmpty();
    }

    // --- the MVEL check, on expressions compiled as Drools compiles a constraint on a CustomerFact ---

    @BeforeAll
    static void mvelAsDroolsSetsIt() {
        MVEL.COMPILER_OPT_ALLOW_NAKED_METH_CALL = true;
        MVEL.COMPILER_OPT_ALLOW_OVERRIDE_ALL_PROPHANDLING = true;
        MVEL.COMPILER_OPT_ALLOW_RESOLVE_INNERCLASSES_WITH_DOTNOTATION = true;
        MVEL.COMPILER_OPT_SUPPORT_JAVA_STYLE_CLASS_LITERALS = true;
    }

    private static List<String> mvelRefusals(String constraint) {
        ParserContext context = new ParserContext(new ParserConfiguration(), null);
        context.setStrictTypeEnforcement(true);
        context.setStrongTyping(true);
        context.addInput("this", CustomerFact.class);
        context.addInput("params", RuleParameters.class);
        context.addInput("ctx", AuditContext.class);
        return new MvelExpressionCheck(context, Set.of()).check(MVEL.compileExpression(constraint, context));
    }

    @Test
    void constraintsOnFactsParametersMathAndTimePass() {
        assertThat(mvelRefusals("Math.abs(contractKva) > params.decimal(\"x\") && customerNo != null"))
                .isEmpty();
        assertThat(mvelRefusals("ctx.asOf.isAfter(java.time.LocalDate.of(2026, 1, 1)) || openedOn < ctx.periodStart"))
                .isEmpty();
        assertThat(mvelRefusals("(\"C\" + customerNo).length() > params.integer(\"n\") * 2"))
                .isEmpty();
    }

    @Test
    void aConstraintThatRunsACommandIsRefused() {
        assertThat(mvelRefusals("Runtime.getRuntime().exec(\"true\") != null")).containsExactly("java.lang.Runtime");
    }

    @Test
    void aConstraintThatReachesTheClassOfAValueIsRefused() {
        assertThat(mvelRefusals("\"\".getClass().getName() != null")).contains("java.lang.String.getClass");
        assertThat(mvelRefusals("this.getClass() != null")).contains("org.jicha.facts.CustomerFact.getClass");
        assertThat(mvelRefusals("customerNo.class != null")).contains("java.lang.String.class");
        assertThat(mvelRefusals("Class.forName(\"java.lang.\" + \"Runtime\") != null"))
                .contains("java.lang.Class");
    }

    @Test
    void aConstraintThatUsesFilesOrTheEnvironmentIsRefused() {
        assertThat(mvelRefusals("new java.io.File(\"/\").exists()")).containsExactly("new java.io.File");
        assertThat(mvelRefusals("System.getenv(\"HOME\") != null")).containsExactly("java.lang.System");
        assertThat(mvelRefusals("java.lang.System.getenv().isEmpty()")).containsExactly("java.lang.System");
    }

    @Test
    void whatCannotBeCheckedIsRefusedWithAHintToSimplify() {
        assertThat(mvelRefusals("[1, 2, 3].size() > 0"))
                .singleElement()
                .asString()
                .contains("simplify");
    }

    @Test
    void anAccessChainIsReadStepByStep() {
        List<MvelExpressionCheck.Segment> steps = MvelExpressionCheck.Segment.parse("a.b(c, \"x.y(\")[0]?.d");
        assertThat(steps)
                .extracting(MvelExpressionCheck.Segment::kind)
                .containsExactly(
                        MvelExpressionCheck.Segment.Kind.PROPERTY, MvelExpressionCheck.Segment.Kind.METHOD,
                        MvelExpressionCheck.Segment.Kind.INDEX, MvelExpressionCheck.Segment.Kind.PROPERTY);
        assertThat(steps.get(1).inner()).isEqualTo("c, \"x.y(\"");
        assertThat(MvelExpressionCheck.Segment.parse("a.{ b = 1 }")).isNull();
    }
}
