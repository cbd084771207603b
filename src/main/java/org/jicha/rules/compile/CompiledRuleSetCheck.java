package org.jicha.rules.compile;

import java.lang.reflect.Field;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drools.base.base.ClassObjectType;
import org.drools.base.base.EnabledBoolean;
import org.drools.base.base.SalienceInteger;
import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.Accumulate;
import org.drools.base.rule.Collect;
import org.drools.base.rule.Declaration;
import org.drools.base.rule.EntryPointId;
import org.drools.base.rule.EvalCondition;
import org.drools.base.rule.Forall;
import org.drools.base.rule.From;
import org.drools.base.rule.Function;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.drools.base.rule.TypeDeclaration;
import org.drools.base.rule.accessor.Accumulator;
import org.drools.base.rule.accessor.PatternExtractor;
import org.drools.base.rule.accessor.ReadAccessor;
import org.drools.base.rule.constraint.Constraint;
import org.drools.base.rule.constraint.QueryNameConstraint;
import org.drools.core.base.accumulators.JavaAccumulatorFunctionExecutor;
import org.drools.core.rule.JavaDialectRuntimeData;
import org.drools.mvel.EvaluatorConstraint;
import org.drools.mvel.MVELConstraint;
import org.drools.mvel.MVELDialectRuntimeData;
import org.drools.mvel.accessors.ClassFieldReader;
import org.drools.mvel.dataproviders.MVELDataProvider;
import org.drools.mvel.expr.MVELAccumulatorFunctionExecutor;
import org.drools.mvel.expr.MVELCompilationUnit;
import org.drools.mvel.expr.MVELConsequence;
import org.drools.mvel.expr.MVELEvalExpression;
import org.drools.mvel.extractors.MVELClassFieldReader;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.AccumulateFunction;
import org.mvel2.MVEL;
import org.mvel2.ParserConfiguration;
import org.mvel2.ParserContext;

/**
 * Checks a compiled rule set, before anything of it runs, against {@link TypeAllowList}: the bytecode of
 * its Java parts ({@link ClassFileCheck}) and the expressions MVEL compiled for its conditions
 * ({@link MvelExpressionCheck}), and the shape of each rule: pattern types and globals from the list, no
 * {@code dialect "mvel"} consequence (MVEL blocks are not checked, so they are refused), no named
 * consequences, computed salience or enabled, timers, type declarations, windows, query calls or inline
 * accumulate code ({@code init/action/result}; accumulate functions such as {@code sum} are fine). Drools
 * keeps the compiled expressions in private fields; they are read by name, and a Drools upgrade that
 * renames one makes every rule set fail this check (closed, never open) until this class follows.
 * <p>
 * Longer than the other classes on purpose: one walk over every kind of element Drools compiles a rule into,
 * each refused or handed to the check that knows it, so that a kind left out is visible in one read.
 */
final class CompiledRuleSetCheck {

    /** Drools' own accumulate functions (sum, count, min, max, average, collectList ...). */
    private static final String ACCUMULATE_FUNCTIONS = "org.drools.core.base.accumulators.";

    /**
     * Something a rule set may not do. {@code sourcePath} is the Drools resource's path (null for the
     * whole set); {@code rule} or {@code function} names the definition at fault when known.
     */
    public record Violation(String sourcePath, String rule, String function, String message) {}

    private final List<Violation> violations = new ArrayList<>();
    private final Map<String, byte[]> classes = new LinkedHashMap<>();
    private final Set<String> ownClasses = new HashSet<>();

    private CompiledRuleSetCheck() {}

    /** Every violation of the compiled packages; empty when the rule set keeps to the allow-list. */
    public static List<Violation> check(Collection<KiePackage> packages) {
        CompiledRuleSetCheck check = new CompiledRuleSetCheck();
        check.run(packages);
        return check.violations;
    }

    private void run(Collection<KiePackage> packages) {
        List<InternalKnowledgePackage> internal =
                packages.stream().map(InternalKnowledgePackage.class::cast).toList();
        for (InternalKnowledgePackage pkg : internal) {
            JavaDialectRuntimeData java =
                    (JavaDialectRuntimeData) pkg.getDialectRuntimeRegistry().getDialectData("java");
            if (java != null) {
                java.getStore()
                        .forEach((path, bytes) -> classes.put(
                                path.substring(0, path.length() - ".class".length())
                                        .replace('/', '.'),
                                bytes));
            }
        }
        // the bytecode first: nothing of the rule set is loaded or run before its classes are checked
        ClassFileCheck bytecode = new ClassFileCheck(classes);
        classes.keySet().stream().filter(c -> !bytecode.stubs().contains(c)).forEach(ownClasses::add);
        Map<String, List<String>> refusals = bytecode.refusals();
        for (InternalKnowledgePackage pkg : internal) {
            definitions(pkg);
            for (Rule rule : pkg.getRules()) {
                rule((RuleImpl) rule, pkg);
            }
        }
        // reported after the rules' own violations, which say in words what their bytecode says in names
        Map<String, Owner> owners = owners(internal);
        refusals.forEach((className, refused) -> {
            Owner owner = owners.getOrDefault(className, ownerByPrefix(className, owners));
            add(new Violation(
                    owner == null ? null : owner.sourcePath(),
                    owner == null ? null : owner.rule(),
                    owner == null ? null : owner.function(),
                    refusedMessage(owner == null ? "class " + className : owner.describe(), refused)));
        });
    }

    private void add(Violation violation) {
        if (!violations.contains(violation)) {
            violations.add(violation);
        }
    }

    static String refusedMessage(String where, List<String> refused) {
        return where + " uses what rules may not use (不在允许清单内 / not on the allow-list): " + String.join(", ", refused);
    }

    /** Which rule or function a compiled class belongs to. */
    private record Owner(String sourcePath, String rule, String function) {

        String describe() {
            return rule != null ? "rule \"" + rule + "\"" : "function " + function + "()";
        }
    }

    private Map<String, Owner> owners(List<InternalKnowledgePackage> packages) {
        Map<String, Owner> owners = new HashMap<>();
        for (InternalKnowledgePackage pkg : packages) {
            for (Function f : pkg.getFunctions().values()) {
                owners.put(f.getClassName(), new Owner(path(f.getResource()), null, f.getName()));
            }
            for (Rule r : pkg.getRules()) {
                RuleImpl rule = (RuleImpl) r;
                if (rule.getConsequence() != null) {
                    String invoker = rule.getConsequence().getClass().getName();
                    String suffix = "DefaultConsequenceInvoker";
                    if (classes.containsKey(invoker) && invoker.endsWith(suffix)) {
                        owners.put(
                                invoker.substring(0, invoker.length() - suffix.length()),
                                new Owner(path(rule.getResource()), rule.getName(), null));
                    }
                }
            }
        }
        return owners;
    }

    /** The owner of a rule's or function's stubs and inner classes: the longest owner name it starts with. */
    private static Owner ownerByPrefix(String className, Map<String, Owner> owners) {
        String best = null;
        for (String name : owners.keySet()) {
            if (className.startsWith(name) && (best == null || name.length() > best.length())) {
                best = name;
            }
        }
        return best == null ? null : owners.get(best);
    }

    private static String path(org.kie.api.io.Resource resource) {
        return resource == null ? null : resource.getSourcePath();
    }

    private void definitions(InternalKnowledgePackage pkg) {
        for (TypeDeclaration declaration : pkg.getTypeDeclarations().values()) {
            if (declaration.getNature() == TypeDeclaration.Nature.DEFINITION) {
                add(new Violation(
                        path(declaration.getResource()),
                        null,
                        null,
                        "declare "
                                + declaration.getTypeName() + ": rules may not declare types (类型来自事实模型 / the types "
                                + "come from the fact model, org.jicha.facts)"));
            }
        }
        if (!pkg.getWindowDeclarations().isEmpty()) {
            add(new Violation(
                    null, null, null, "package " + pkg.getName() + " declares windows, which rules may not use"));
        }
        for (Map.Entry<String, Type> global : pkg.getGlobals().entrySet()) {
            String type = global.getValue() instanceof Class<?> c
                    ? c.getName()
                    : global.getValue().getTypeName();
            if (!TypeAllowList.allows(type)) {
                add(new Violation(
                        null,
                        null,
                        null,
                        "global " + global.getKey() + " of type " + type + " is not on the allow-list (不在允许清单内)"));
            }
        }
        for (Function f : pkg.getFunctions().values()) {
            if (!"java".equals(f.getDialect())) {
                add(new Violation(
                        path(f.getResource()),
                        null,
                        f.getName(),
                        "function " + f.getName() + "() is written in dialect \"" + f.getDialect()
                                + "\"; only Java functions are checked and allowed"));
            }
        }
    }

    private void rule(RuleImpl rule, InternalKnowledgePackage pkg) {
        Checks checks = new Checks(rule, pkg);
        if (rule.getConsequence() instanceof MVELConsequence) {
            checks.refuse("its consequence is in dialect \"mvel\", which is not allowed: write it in Java "
                    + "(the default dialect) so that it can be checked");
        } else if (rule.getConsequence() != null
                && !classes.containsKey(rule.getConsequence().getClass().getName())) {
            checks.refuse("its consequence is of an unknown kind ("
                    + rule.getConsequence().getClass().getName() + ")");
        }
        if (rule.hasNamedConsequences()) {
            checks.refuse("named consequences (then[...], do[...]) are not allowed");
        }
        if (!(rule.getSalience() instanceof SalienceInteger)) {
            checks.refuse("a computed salience is not allowed; use a number");
        }
        if (!(rule.getEnabled() instanceof EnabledBoolean)) {
            checks.refuse("a computed enabled attribute is not allowed; use true or false");
        }
        if (rule.getTimer() != null) {
            checks.refuse("timers are not allowed");
        }
        checks.element(rule.getLhs());
    }

    /** The checks of one rule's conditions; every violation names the rule. */
    private final class Checks {

        private final RuleImpl rule;
        private final String sourcePath;
        private final MVELDialectRuntimeData mvel;

        Checks(RuleImpl rule, InternalKnowledgePackage pkg) {
            this.rule = rule;
            this.sourcePath = path(rule.getResource());
            this.mvel = (MVELDialectRuntimeData) pkg.getDialectRuntimeRegistry().getDialectData("mvel");
        }

        void refuse(String message) {
            add(new Violation(sourcePath, rule.getName(), null, "rule \"" + rule.getName() + "\": " + message));
        }

        void element(RuleConditionElement element) {
            if (element instanceof GroupElement group) {
                group.getChildren().forEach(this::element);
            } else if (element instanceof Pattern pattern) {
                pattern(pattern);
            } else if (element instanceof EvalCondition eval) {
                eval(eval);
            } else if (element instanceof From from) {
                if (from.getDataProvider() instanceof MVELDataProvider provider) {
                    mvel(unit(provider, "unit"), "from");
                } else {
                    refuse("a from source of an unknown kind");
                }
            } else if (element instanceof Accumulate accumulate) {
                element(accumulate.getSource());
                for (Accumulator accumulator : accumulate.getAccumulators()) {
                    accumulator(accumulator);
                }
            } else if (element instanceof Collect collect) {
                element(collect.getSourcePattern());
            } else if (element instanceof Forall forall) {
                forall.getNestedElements().forEach(this::element);
            } else if (!(element instanceof EntryPointId)) {
                refuse(element.getClass().getSimpleName() + " is not allowed in a rule's conditions; simplify it");
            }
        }

        private void pattern(Pattern pattern) {
            if (!(pattern.getObjectType() instanceof ClassObjectType type)) {
                refuse("a pattern of an unknown type (" + pattern.getObjectType() + ")");
                return;
            }
            if (!TypeAllowList.allows(type.getClassName())) {
                refuse("the pattern type " + type.getClassName() + " is not on the allow-list (不在允许清单内)");
            }
            if (pattern.hasXPath() || !pattern.getBehaviors().isEmpty()) {
                refuse("OOPath and sliding windows are not allowed");
            }
            for (Constraint constraint : pattern.getConstraints()) {
                constraint(constraint);
            }
            for (Declaration declaration : pattern.getDeclarations().values()) {
                reader(declaration.getExtractor(), "binding " + declaration.getIdentifier());
            }
            if (pattern.getSource() != null) {
                element(pattern.getSource());
            }
        }

        private void constraint(Constraint constraint) {
            if (constraint instanceof MVELConstraint mvelConstraint) {
                mvel(unit(mvelConstraint, "compilationUnit"), "constraint " + mvelConstraint.getExpression());
                if (mvelConstraint.getFieldExtractor() != null) {
                    reader(mvelConstraint.getFieldExtractor(), "constraint " + mvelConstraint.getExpression());
                }
            } else if (constraint instanceof EvaluatorConstraint evaluator) {
                if (field(evaluator, "rightReadAccessor") instanceof ReadAccessor read) {
                    reader(read, "constraint");
                }
            } else if (!(constraint instanceof QueryNameConstraint)) {
                refuse("a constraint of an unknown kind ("
                        + constraint.getClass().getSimpleName() + ")");
            }
        }

        /** What reads a binding's or an index's value: a getter of an allowed type, or an MVEL expression. */
        private void reader(ReadAccessor reader, String what) {
            if (reader == null || reader instanceof PatternExtractor) {
                return;
            }
            if (reader instanceof ClassFieldReader field) {
                if (!TypeAllowList.allows(field.getClassName())
                        || field.getFieldName().equals("class")) {
                    refuse(what + " reads " + field.getClassName() + "." + field.getFieldName()
                            + ", which is not on the allow-list (不在允许清单内)");
                }
            } else if (reader instanceof MVELClassFieldReader expression) {
                // as MVELObjectClassFieldReader#doCompile compiles it: "this" only
                ParserContext context = context(
                        mvel.getParserConfiguration(),
                        new String[] {"this"},
                        new String[] {expression.getClassName()},
                        expression.isTypeSafe());
                if (context != null) {
                    mvel(context, expression.getExpression(), what);
                }
            } else {
                refuse(what + " is read in an unknown way (" + reader.getClass().getSimpleName() + ")");
            }
        }

        private void eval(EvalCondition eval) {
            Object expression = eval.getEvalExpression();
            if (expression instanceof MVELEvalExpression mvelEval) {
                mvel(unit(mvelEval, "unit"), "eval");
            } else if (expression == null
                    || !classes.containsKey(expression.getClass().getName())) {
                refuse("an eval of an unknown kind");
            }
        }

        private void accumulator(Accumulator accumulator) {
            AccumulateFunction<?> function;
            if (accumulator instanceof JavaAccumulatorFunctionExecutor java) {
                function = (AccumulateFunction<?>) field(java, "function");
            } else if (accumulator instanceof MVELAccumulatorFunctionExecutor mvelFunction) {
                function = (AccumulateFunction<?>) field(mvelFunction, "function");
                mvel(unit(mvelFunction, "unit"), "accumulate");
            } else {
                refuse("inline accumulate code (init/action/reverse/result) is not allowed; use an accumulate "
                        + "function such as sum, count, min, max, average or collectList");
                return;
            }
            if (function == null || !function.getClass().getName().startsWith(ACCUMULATE_FUNCTIONS)) {
                refuse("the accumulate function "
                        + (function == null ? "?" : function.getClass().getName()) + " is not one of Drools' own");
            }
        }

        private MVELCompilationUnit unit(Object holder, String field) {
            Object unit = field(holder, field);
            if (!(unit instanceof MVELCompilationUnit)) {
                refuse("an expression that cannot be checked ("
                        + holder.getClass().getSimpleName() + "); simplify it");
                return null;
            }
            return (MVELCompilationUnit) unit;
        }

        private void mvel(MVELCompilationUnit unit, String what) {
            if (unit == null) {
                return;
            }
            ParserContext context = context(
                    mvel.getParserConfiguration(),
                    unit.getInputIdentifiers(),
                    unit.getInputTypes(),
                    unit.isStrictMode());
            if (context != null) {
                mvel(context, unit.getExpression(), what);
            }
        }

        private void mvel(ParserContext context, String expression, String what) {
            Object compiled;
            try {
                compiled = MVEL.compileExpression(expression.trim(), context);
            } catch (RuntimeException e) {
                refuse(what + ": the expression cannot be checked ("
                        + e.getMessage().lines().findFirst().orElse("") + "); simplify it");
                return;
            }
            List<String> refused;
            try {
                refused = new MvelExpressionCheck(context, ownClasses).check(compiled);
            } catch (RuntimeException e) {
                refused = List.of("an expression that cannot be checked (" + e + "); simplify it");
            }
            if (!refused.isEmpty()) {
                add(new Violation(
                        sourcePath,
                        rule.getName(),
                        null,
                        refusedMessage("rule \"" + rule.getName() + "\" (" + what + ")", refused)));
            }
        }

        /** The parser context Drools compiles an expression in (MVELCompilationUnit#getCompiledExpression). */
        private ParserContext context(
                ParserConfiguration configuration, String[] inputs, String[] types, boolean strict) {
            ParserContext context = new ParserContext(configuration, null);
            context.setStrictTypeEnforcement(strict);
            context.setStrongTyping(strict);
            context.setIndexAllocation(true);
            context.addIndexedInput(inputs);
            for (int i = 0; i < inputs.length; i++) {
                try {
                    context.addInput(
                            inputs[i], MVELCompilationUnit.loadClass(configuration.getClassLoader(), types[i]));
                } catch (ClassNotFoundException e) {
                    refuse("the type " + types[i] + " of " + inputs[i] + " cannot be found");
                    return null;
                }
            }
            return context;
        }

        private Object field(Object holder, String name) {
            for (Class<?> type = holder.getClass(); type != null; type = type.getSuperclass()) {
                try {
                    Field field = type.getDeclaredField(name);
                    field.setAccessible(true);
                    return field.get(holder);
                } catch (NoSuchFieldException e) {
                    // declared further up
                } catch (ReflectiveOperationException | RuntimeException e) {
                    break;
                }
            }
            refuse("cannot be checked: Drools' " + holder.getClass().getName() + "." + name + " is not readable");
            return null;
        }
    }
}
