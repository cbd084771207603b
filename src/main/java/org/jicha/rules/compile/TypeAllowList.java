package org.jicha.rules.compile;

import java.util.Set;

/**
 * The types and members a rule set may use (docs/SECURITY.md, "Rules are code"). Rules are the audit
 * team's code: they compare facts and raise findings, nothing else, so they may use
 * <ul>
 *   <li>the fact model: every type of {@code org.jicha.facts} and below;</li>
 *   <li>the rule helpers {@code org.jicha.rules.Evidence}, {@code RuleParameters} and {@code FindingCollector};</li>
 *   <li>{@code java.lang} basics: {@code String}, {@code StringBuilder}, {@code CharSequence}, {@code Math},
 *       {@code StrictMath}, the boxed numbers, {@code Boolean}, {@code Character}, {@code Comparable},
 *       {@code Iterable}, {@code Enum}, {@code Object} (not {@code getClass}, {@code wait}, {@code notify}) and
 *       the common exceptions;</li>
 *   <li>{@code java.time} (not {@code java.time.zone}, whose providers are JVM-wide), {@code java.math},
 *       the {@code java.util} collections listed below, {@code java.util.function} and {@code java.util.stream};</li>
 *   <li>the classes compiled from the rule set itself (rules, DRL functions and their lambdas).</li>
 * </ul>
 * Everything else is refused: {@code Runtime}, {@code ProcessBuilder}, {@code System}, {@code Thread},
 * {@code ClassLoader}, {@code Class} (so class literals, {@code getClass()} and {@code Class.forName}),
 * reflection, {@code java.lang.invoke}, files and NIO, the network, scripting, JNDI, serialization.
 * A few members of allowed types are refused too: those that reach the class of an object, a monitor,
 * system properties, the JVM-wide default locale, or print.
 * <p>
 * Besides, a compiled rule set carries some of Drools' own references, permitted exactly as listed here:
 * <ul>
 *   <li>{@link #HANDLES}: what Drools passes to a consequence ({@code drools}, {@code kcontext}, the fact
 *       handles). Rules may hand them on ({@code findings.raise(drools, ...)}) but never call them.</li>
 *   <li>{@link #DECLARATION_ONLY}: types of the templates Drools compiles rules and functions into (a DRL
 *       function's class implements {@code Externalizable} with empty {@code readExternal}/
 *       {@code writeExternal}) and the classes {@code javac} names for {@code invokedynamic}. They may be
 *       declared (interfaces, parameter and exception types, the constant pool), never instantiated or called.</li>
 *   <li>{@link #BOOTSTRAPS}: string concatenation and lambdas; their method handles are checked like calls.</li>
 *   <li>{@link #TEMPLATE_MEMBERS}: what Drools writes into the rule class itself for an accumulate function's
 *       Java expression ({@code FieldFactory.getInstance().getFieldValue(...)}).</li>
 *   <li>{@link #MODIFY_UPDATE}: a {@code modify($fact) { setX(...) }} block (the decision tables fill in their
 *       check facts with it) ends in {@code drools.update($fact__Handle__, new LongBitMask(...), Fact.class)}:
 *       that one call on the handle, the bit masks of {@link #BIT_MASKS}, and a class literal of an allowed
 *       type handed straight to that call (and nowhere else).</li>
 *   <li>{@link #STUB_MEMBERS}: the invoker stubs Drools generates for each consequence, eval and
 *       expression ({@code ...DefaultConsequenceInvoker}, {@code ...Eval0Invoker}); see
 *       {@link ClassFileCheck#isDroolsStub}. They generate and call the rule's static method on first use.</li>
 *   <li>{@link #OPERATOR_HANDLE}: Drools' own operators ({@code str[startsWith]}, {@code after}) reach MVEL as
 *       {@code EvaluatorWrapper.evaluate(...)}.</li>
 * </ul>
 * Names are binary names ({@code java.util.Map$Entry}).
 */
public final class TypeAllowList {

    static final String FACTS = "org.jicha.facts.";

    static final Set<String> RULE_HELPERS =
            Set.of("org.jicha.rules.Evidence", "org.jicha.rules.RuleParameters", "org.jicha.rules.FindingCollector");

    static final Set<String> JAVA_LANG = Set.of(
            "java.lang.Object",
            "java.lang.String",
            "java.lang.StringBuilder",
            "java.lang.CharSequence",
            "java.lang.Comparable",
            "java.lang.Iterable",
            "java.lang.Enum",
            "java.lang.Math",
            "java.lang.StrictMath",
            "java.lang.Number",
            "java.lang.Integer",
            "java.lang.Long",
            "java.lang.Double",
            "java.lang.Float",
            "java.lang.Short",
            "java.lang.Byte",
            "java.lang.Boolean",
            "java.lang.Character",
            "java.lang.Void",
            // exceptions a rule may throw or catch (and NoSuchFieldError: javac's switch over an enum)
            "java.lang.Throwable",
            "java.lang.Exception",
            "java.lang.RuntimeException",
            "java.lang.IllegalArgumentException",
            "java.lang.IllegalStateException",
            "java.lang.ArithmeticException",
            "java.lang.NullPointerException",
            "java.lang.IndexOutOfBoundsException",
            "java.lang.ArrayIndexOutOfBoundsException",
            "java.lang.StringIndexOutOfBoundsException",
            "java.lang.NumberFormatException",
            "java.lang.UnsupportedOperationException",
            "java.lang.ClassCastException",
            "java.lang.NoSuchFieldError");

    static final Set<String> JAVA_UTIL = Set.of(
            "java.util.Collection",
            "java.util.List",
            "java.util.ArrayList",
            "java.util.LinkedList",
            "java.util.Set",
            "java.util.HashSet",
            "java.util.LinkedHashSet",
            "java.util.SortedSet",
            "java.util.NavigableSet",
            "java.util.TreeSet",
            "java.util.Map",
            "java.util.Map$Entry",
            "java.util.HashMap",
            "java.util.LinkedHashMap",
            "java.util.SortedMap",
            "java.util.NavigableMap",
            "java.util.TreeMap",
            "java.util.Queue",
            "java.util.Deque",
            "java.util.ArrayDeque",
            "java.util.PriorityQueue",
            "java.util.EnumMap",
            "java.util.EnumSet",
            "java.util.Iterator",
            "java.util.ListIterator",
            "java.util.Comparator",
            "java.util.Collections",
            "java.util.Arrays",
            "java.util.Objects",
            "java.util.Optional",
            "java.util.OptionalInt",
            "java.util.OptionalLong",
            "java.util.OptionalDouble",
            "java.util.StringJoiner",
            "java.util.Locale",
            "java.util.NoSuchElementException",
            "java.util.AbstractMap$SimpleEntry",
            "java.util.AbstractMap$SimpleImmutableEntry");

    static final Set<String> ALLOWED_PACKAGES = Set.of(
            "java.time.",
            "java.time.format.",
            "java.time.temporal.",
            "java.time.chrono.",
            "java.math.",
            "java.util.function.",
            "java.util.stream.");

    /** What a consequence receives from Drools: may be passed on, never called. */
    static final Set<String> HANDLES = Set.of(
            "org.drools.core.rule.consequence.KnowledgeHelper", "org.drools.base.rule.consequence.ConsequenceContext",
            "org.kie.api.runtime.rule.RuleContext", "org.kie.api.runtime.rule.FactHandle");

    /** Template and invokedynamic types: declared, never instantiated or called. */
    static final Set<String> DECLARATION_ONLY = Set.of(
            "java.io.Externalizable",
            "java.io.Serializable",
            "java.io.ObjectInput",
            "java.io.ObjectOutput",
            "java.io.IOException",
            "java.lang.ClassNotFoundException",
            "java.lang.invoke.MethodHandles",
            "java.lang.invoke.MethodHandles$Lookup",
            "java.lang.invoke.StringConcatFactory",
            "java.lang.invoke.LambdaMetafactory",
            "org.drools.mvel.field.FieldFactory",
            "org.drools.base.rule.accessor.FieldValue");

    /** {@code owner.name} of the bootstrap methods javac uses for {@code +} on strings and for lambdas. */
    static final Set<String> BOOTSTRAPS = Set.of(
            "java.lang.invoke.StringConcatFactory.makeConcatWithConstants",
            "java.lang.invoke.LambdaMetafactory.metafactory",
            "java.lang.invoke.LambdaMetafactory.altMetafactory");

    /** {@code owner.name} Drools writes into the rule class for an accumulate function's Java expression. */
    static final Set<String> TEMPLATE_MEMBERS = Set.of(
            "org.drools.mvel.field.FieldFactory.getInstance", "org.drools.mvel.field.FieldFactory.getFieldValue");

    /** The call a {@code modify} block ends in: owner.name and descriptor. */
    static final String MODIFY_UPDATE = "org.drools.core.rule.consequence.KnowledgeHelper.update";

    static final String MODIFY_UPDATE_DESCRIPTOR =
            "(Lorg/kie/api/runtime/rule/FactHandle;Lorg/drools/util/bitmask/BitMask;Ljava/lang/Class;)V";

    /** Drools' bit masks of modified properties: plain values. */
    static final String BIT_MASKS = "org.drools.util.bitmask.";

    /** {@code owner.name} a Drools invoker stub calls (besides the rule's own static method). */
    static final Set<String> STUB_MEMBERS = Set.of(
            "java.lang.Object.getClass",
            "org.drools.mvel.asm.MethodComparator.getMethodBytecode",
            "org.drools.mvel.asm.MethodComparator.compareBytecode",
            "org.drools.mvel.asm.ConsequenceGenerator.generate",
            "org.drools.mvel.asm.EvalGenerator.generate",
            "org.drools.mvel.asm.PredicateGenerator.generate",
            "org.drools.mvel.asm.ReturnValueGenerator.generate",
            "org.drools.base.rule.accessor.CompiledInvoker.getMethodBytecode",
            "org.drools.base.rule.consequence.Consequence.evaluate",
            "org.drools.base.rule.accessor.EvalExpression.evaluate",
            "org.drools.base.rule.accessor.ReturnValueExpression.evaluate",
            "org.drools.base.rule.accessor.PredicateExpression.evaluate",
            "org.drools.base.rule.Declaration.getValue");

    /** Interfaces a Drools invoker stub implements. */
    static final Set<String> STUB_INTERFACES = Set.of(
            "org.drools.base.rule.accessor.CompiledInvoker",
            "org.drools.mvel.asm.ConsequenceStub",
            "org.drools.mvel.asm.EvalStub",
            "org.drools.mvel.asm.PredicateStub",
            "org.drools.mvel.asm.ReturnValueStub",
            "org.drools.base.rule.consequence.Consequence",
            "org.drools.base.rule.accessor.EvalExpression",
            "org.drools.base.rule.accessor.ReturnValueExpression",
            "org.drools.base.rule.accessor.PredicateExpression");

    /** Drools' operator wrapper, which MVEL calls for {@code str[...]}, {@code after} and the like. */
    static final String OPERATOR_HANDLE = "org.drools.compiler.rule.builder.EvaluatorWrapper";

    /** Members refused on any type: the class of an object, monitors, finalization, printing. */
    static final Set<String> REFUSED_MEMBER_NAMES =
            Set.of("getClass", "wait", "notify", "notifyAll", "finalize", "printStackTrace");

    /** Members of allowed types that reach JVM-wide state: system properties, the default locale. */
    static final Set<String> REFUSED_MEMBERS = Set.of(
            "java.lang.Boolean.getBoolean",
            "java.lang.Integer.getInteger",
            "java.lang.Long.getLong",
            "java.util.Locale.setDefault");

    private TypeAllowList() {}

    /** True for a type a rule may use: hold, create, call. Arrays by their element type; primitives always. */
    public static boolean allows(String binaryName) {
        String name = elementOf(binaryName);
        if (name.indexOf('.') < 0) {
            return isPrimitive(name);
        }
        if (name.startsWith(FACTS)
                || RULE_HELPERS.contains(name)
                || JAVA_LANG.contains(name)
                || JAVA_UTIL.contains(name)) {
            return true;
        }
        int dot = name.lastIndexOf('.');
        return ALLOWED_PACKAGES.contains(name.substring(0, dot + 1));
    }

    /** True for a Drools handle a consequence may pass on but never call. */
    public static boolean isHandle(String binaryName) {
        return HANDLES.contains(elementOf(binaryName));
    }

    /** True for a type that may be declared but never created or called (templates, invokedynamic). */
    static boolean isDeclarationOnly(String binaryName) {
        return DECLARATION_ONLY.contains(elementOf(binaryName));
    }

    /**
     * Why {@code owner.name} may not be called or read, or null if it may: a refused name or member, or an
     * owner off the list. Descriptor types are checked separately.
     */
    public static String refusal(String owner, String name) {
        if (REFUSED_MEMBER_NAMES.contains(name) || REFUSED_MEMBERS.contains(owner + "." + name)) {
            return owner + "." + name;
        }
        return allows(owner) ? null : owner;
    }

    /** The element type of an array name ({@code java.lang.String[][]} or {@code [Ljava.lang.String;}). */
    static String elementOf(String binaryName) {
        String name = binaryName;
        while (name.endsWith("[]")) {
            name = name.substring(0, name.length() - 2);
        }
        if (name.startsWith("[")) {
            name = name.substring(name.lastIndexOf('[') + 1);
            if (name.startsWith("L") && name.endsWith(";")) {
                name = name.substring(1, name.length() - 1);
            } else {
                return "int"; // a primitive array descriptor: [I, [D ...
            }
        }
        return name.replace('/', '.');
    }

    private static boolean isPrimitive(String name) {
        return switch (name) {
            case "boolean", "byte", "char", "short", "int", "long", "float", "double", "void" -> true;
            default -> false;
        };
    }
}
