package org.jicha.rules.compile;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mvel2.MVEL;
import org.mvel2.ParserContext;
import org.mvel2.ast.ASTNode;
import org.mvel2.ast.BooleanNode;
import org.mvel2.ast.Contains;
import org.mvel2.ast.EndOfStatement;
import org.mvel2.ast.Instance;
import org.mvel2.ast.LiteralNode;
import org.mvel2.ast.Negation;
import org.mvel2.ast.NewObjectNode;
import org.mvel2.ast.OperatorNode;
import org.mvel2.ast.RegExMatch;
import org.mvel2.ast.Sign;
import org.mvel2.ast.Substatement;
import org.mvel2.ast.TypeCast;
import org.mvel2.ast.Union;
import org.mvel2.compiler.CompiledExpression;
import org.mvel2.compiler.ExecutableAccessor;
import org.mvel2.compiler.ExecutableLiteral;
import org.mvel2.util.MethodStub;
import org.mvel2.util.NullType;
import org.mvel2.util.ParseTools;
import org.mvel2.util.PropertyTools;

/**
 * Checks what MVEL compiled from a rule's expression (a pattern constraint, a binding, a {@code from}
 * source, an MVEL {@code eval} or accumulate argument) against {@link TypeAllowList}. MVEL resolves the
 * methods and fields of an expression only when it first runs it, so the compiled tree holds each access
 * chain as text with its result type; this class resolves every step of every chain the way MVEL's strict
 * compiler does ({@code PropertyVerifier}: variables and inputs, imports and static imports, properties of
 * {@code this}, fully qualified names, getters, fields, the best method for the argument types) and checks
 * the owner, the member and its signature of each step. Whatever it cannot resolve or does not know
 * (assignments, inline collections and maps, {@code with} blocks, MVEL functions, projections) is refused:
 * the author is told to simplify the expression.
 * <p>
 * Longer than the other classes on purpose: the resolution rules of MVEL's strict compiler are one algorithm,
 * step by step over one access chain, and reading it in one place is what lets a reviewer check that nothing
 * resolves differently here than at run time.
 */
final class MvelExpressionCheck {

    private final Set<String> ownClasses;
    private final ClassLoader loader;
    private final ParserContext context;
    private final Set<String> refused = new LinkedHashSet<>();

    /**
     * @param context    the parser context the expression was compiled in (its inputs and imports)
     * @param ownClasses binary names of the rule set's own classes (its DRL functions)
     */
    public MvelExpressionCheck(ParserContext context, Set<String> ownClasses) {
        this.context = context;
        this.ownClasses = ownClasses;
        this.loader = context.getParserConfiguration().getClassLoader();
    }

    /** What the compiled statement may not use (empty when it is fine). */
    public List<String> check(Object compiled) {
        statement(compiled);
        return new ArrayList<>(refused);
    }

    private Type statement(Object statement) {
        if (statement == null) {
            return null;
        }
        if (statement instanceof ExecutableLiteral literal) {
            return literal(literal.getLiteral(), literal.getKnownEgressType());
        }
        if (statement instanceof ExecutableAccessor accessor) {
            return node(accessor.getNode());
        }
        if (statement instanceof CompiledExpression compiled) {
            for (ASTNode n = compiled.getFirstNode(); n != null; n = n.nextASTNode) {
                node(n);
            }
            return compiled.getKnownEgressType();
        }
        return unknown(statement.getClass().getSimpleName(), String.valueOf(statement));
    }

    private Type node(ASTNode node) {
        if (node instanceof LiteralNode literal) {
            return literal(literal.getLiteralValue(), literal.getEgressType());
        }
        if (node instanceof OperatorNode || node instanceof EndOfStatement) {
            return null; // the ? and : of a conditional, the ; between statements
        }
        if (node instanceof BooleanNode operation) { // && || and every arithmetic or comparison operator
            node(operation.getLeft());
            node(operation.getRight());
            return node.getEgressType();
        }
        if (node instanceof Negation n) {
            statement(n.getStatement());
            return node.getEgressType();
        }
        if (node instanceof Substatement s) {
            statement(s.getStatement());
            return node.getEgressType();
        }
        if (node instanceof Sign s) {
            statement(s.getStatement());
            return node.getEgressType();
        }
        if (node instanceof TypeCast cast) {
            type(node.getEgressType(), "cast to");
            statement(cast.getStatement());
            return node.getEgressType();
        }
        if (node instanceof Contains contains) {
            node(contains.getFirstStatement());
            node(contains.getSecondStatement());
            return Boolean.class;
        }
        if (node instanceof Instance instance) {
            node(instance.getStatement());
            node(instance.getClassStatement());
            return Boolean.class;
        }
        if (node instanceof RegExMatch match) {
            statement(match.getStatement());
            statement(match.getPatternStatement());
            return Boolean.class;
        }
        if (node instanceof Union union) {
            int before = refused.size();
            Type main = node(union.getMain());
            if (main == null) {
                return refused.size() > before ? null : unknown("Union", union.getName());
            }
            return chain(union.getName(), main);
        }
        if (node instanceof NewObjectNode created) {
            return newObject(created);
        }
        if (node.getClass() == ASTNode.class) {
            if (node.isLiteral()) {
                return literal(node.getLiteralValue(), node.getEgressType());
            }
            return chain(node.getName(), null);
        }
        return unknown(node.getClass().getSimpleName(), node.getName());
    }

    private Type literal(Object value, Class<?> type) {
        if (value instanceof Class<?> c) {
            type(c, "class literal");
        } else if (value != null
                && !(value instanceof String
                        || value instanceof Number
                        || value instanceof Boolean
                        || value instanceof Character)) {
            unknown(value.getClass().getSimpleName(), String.valueOf(value));
        }
        return type;
    }

    private Type unknown(String construct, String text) {
        refused.add(
                "an MVEL construct that cannot be checked (" + construct + ": " + text + "); simplify the expression");
        return null;
    }

    /** A type named by the expression (cast, literal): allowed, or the rule set's own. */
    private void type(Class<?> type, String as) {
        if (type != null && !usable(type)) {
            refused.add(as + " " + type.getName());
        }
    }

    private boolean usable(Class<?> type) {
        Class<?> element = type;
        while (element.isArray()) {
            element = element.getComponentType();
        }
        return element == NullType.class
                || TypeAllowList.allows(element.getName())
                || ownClasses.contains(element.getName());
    }

    private Type newObject(NewObjectNode created) {
        Class<?> type;
        try {
            type = created.getTypeDescr().getClassReference(context);
        } catch (ClassNotFoundException | RuntimeException e) {
            return unknown("new", created.getName());
        }
        if (created.getTypeDescr().isArray()) {
            return unknown("new array", created.getName());
        }
        if (!usable(type)) {
            refused.add("new " + type.getName());
            return null;
        }
        String text = created.getName();
        String written = created.getTypeDescr().getClassName();
        if (!text.startsWith(written) || text.length() == written.length() || text.charAt(written.length()) != '(') {
            return unknown("new", text);
        }
        int close = closing(text, written.length());
        if (close < 0) {
            return unknown("new", text);
        }
        Class<?>[] arguments = arguments(text.substring(written.length() + 1, close));
        Constructor<?> constructor = ParseTools.getBestConstructorCandidate(arguments, type, true);
        if (constructor == null) {
            return unknown("new", text);
        }
        signature(constructor.getParameterTypes(), null);
        String rest = text.substring(close + 1).strip();
        return rest.isEmpty() ? type : chain(rest.startsWith(".") ? rest.substring(1) : rest, type);
    }

    /** One access chain: {@code a.b(c)[d].e}, from {@code start} (a Union's value) or from its root name. */
    private Type chain(String text, Type start) {
        List<Segment> segments = Segment.parse(text);
        if (segments == null || segments.isEmpty()) {
            return unknown("access", text);
        }
        Value value = new Value(start, false);
        int i = 0;
        if (start == null) {
            Segment root = segments.get(0);
            i = 1;
            if (root.kind() == Segment.Kind.METHOD) {
                value = new Value(rootMethod(root, text), false);
            } else if (root.kind() == Segment.Kind.INDEX) {
                return unknown("index", text);
            } else if (context.hasVarOrInput(root.name())) {
                value = new Value(context.getVarOrInputType(root.name()), false);
            } else if (context.hasImport(root.name())) {
                Class<?> imported;
                try {
                    imported = context.getImport(root.name());
                } catch (ClassCastException e) {
                    return unknown("name", text); // a static import (a function) used as a value
                }
                value = imported == null ? new Value(unknown("name", text), false) : classReference(imported);
            } else if (context.hasVarOrInput("this")
                    && PropertyTools.getFieldOrAccessor(context.getVarOrInputType("this"), root.name()) != null) {
                value = new Value(property(context.getVarOrInputType("this"), root.name(), text), false);
            } else {
                // a fully qualified class name: java.io.File.separator
                StringBuilder name = new StringBuilder(root.name());
                Class<?> named = null;
                while (named == null && i < segments.size() && segments.get(i).kind() == Segment.Kind.PROPERTY) {
                    name.append('.').append(segments.get(i++).name());
                    named = classNamed(name.toString());
                }
                if (named == null) {
                    return unknown("name", text);
                }
                value = classReference(named);
            }
        }
        for (; i < segments.size() && value.type() != null; i++) {
            value = value.isClass()
                    ? staticStep((Class<?>) value.type(), segments.get(i), text)
                    : new Value(step(value.type(), segments.get(i), text), false);
        }
        return value.type();
    }

    /** The value of a step: a type, or a class named for static access ({@code Math} in {@code Math.abs}). */
    private record Value(Type type, boolean isClass) {}

    private Value classReference(Class<?> type) {
        if (!usable(type)) {
            refused.add(type.getName());
            return new Value(null, false);
        }
        return new Value(type, true);
    }

    private Class<?> classNamed(String name) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    /** A call at the root: a static import (DRL function, imported function), else a method of {@code this}. */
    private Type rootMethod(Segment root, String text) {
        Class<?>[] arguments = arguments(root.inner());
        if (context.hasImport(root.name())) {
            Object imported = context.getParserConfiguration().getStaticOrClassImport(root.name());
            Method method =
                    imported instanceof MethodStub stub ? stub.getMethod() : imported instanceof Method m ? m : null;
            if (method == null) {
                return unknown("call", text);
            }
            Class<?> owner = method.getDeclaringClass();
            Method best = ParseTools.getBestCandidate(arguments, method.getName(), owner, owner.getMethods(), true);
            return best == null ? unknown("call", text) : member(owner, best, owner);
        }
        if (context.hasFunction(root.name()) || !context.hasVarOrInput("this")) {
            return unknown("call", text);
        }
        return method(context.getVarOrInputType("this"), root.name(), arguments, text);
    }

    private Value staticStep(Class<?> owner, Segment segment, String text) {
        switch (segment.kind()) {
            case METHOD -> {
                Class<?>[] arguments = arguments(segment.inner());
                Method best = ParseTools.getBestCandidate(arguments, segment.name(), owner, owner.getMethods(), true);
                if (best == null || !Modifier.isStatic(best.getModifiers())) {
                    return new Value(unknown("static call", text), false);
                }
                return new Value(member(owner, best, owner), false);
            }
            case PROPERTY -> {
                if (segment.name().equals("class")) {
                    refused.add(owner.getName() + ".class");
                    return new Value(null, false);
                }
                Member member = PropertyTools.getFieldOrAccessor(owner, segment.name());
                if (member != null && Modifier.isStatic(member.getModifiers())) {
                    return new Value(member(owner, member, owner), false);
                }
                Class<?> inner = classNamed(owner.getName() + "$" + segment.name());
                return inner == null ? new Value(unknown("static access", text), false) : classReference(inner);
            }
            default -> {
                return new Value(unknown("static access", text), false);
            }
        }
    }

    private Type step(Type current, Segment segment, String text) {
        Class<?> raw = raw(current);
        switch (segment.kind()) {
            case PROPERTY -> {
                return property(current, segment.name(), text);
            }
            case METHOD -> {
                Class<?>[] arguments = arguments(segment.inner());
                if (raw.isArray()
                        && arguments.length == 0
                        && (segment.name().equals("size") || segment.name().equals("length"))) {
                    return int.class;
                }
                return method(current, segment.name(), arguments, text);
            }
            default -> {
                statement(compile(segment.inner()));
                if (Map.class.isAssignableFrom(raw)) {
                    return resolve(Map.class.getTypeParameters()[1], current);
                }
                if (List.class.isAssignableFrom(raw)) {
                    return resolve(List.class.getTypeParameters()[0], current);
                }
                if (raw.isArray()) {
                    return raw.getComponentType();
                }
                return unknown("index", text);
            }
        }
    }

    private Type property(Type owner, String name, String text) {
        Class<?> raw = raw(owner);
        if (name.equals("class")) {
            refused.add(raw.getName() + ".class");
            return null;
        }
        Member member = PropertyTools.getFieldOrAccessor(raw, name);
        if (member != null) {
            return member(owner, member, raw);
        }
        if (raw.isArray() && name.equals("length")) {
            return int.class;
        }
        if (Map.class.isAssignableFrom(raw)) {
            return receiver(raw, "get") ? resolve(Map.class.getTypeParameters()[1], owner) : null;
        }
        return unknown("property", text);
    }

    private Type method(Type owner, String name, Class<?>[] arguments, String text) {
        Class<?> raw = raw(owner);
        Method best = ParseTools.getBestCandidate(arguments, name, raw, raw.getMethods(), true);
        if (best == null) {
            best = ParseTools.getBestCandidate(arguments, name, raw, raw.getDeclaredMethods(), true);
        }
        if (best == null) {
            return unknown("call", text);
        }
        return member(owner, best, raw);
    }

    /**
     * Checks one step (a method, a getter or a field) on its receiver; returns the step's result type. The
     * receiver's static type decides, as the owner javac writes into a call does: a member a type inherits from
     * a supertype off the list ({@code AbstractList.subList} on an {@code ArrayList}) is that type's member.
     */
    private Type member(Type receiverType, Member member, Class<?> receiver) {
        if (!receiver(receiver, member.getName())) {
            return null;
        }
        if (member instanceof Method method) {
            signature(method.getParameterTypes(), method.getReturnType());
            return resolve(method.getGenericReturnType(), receiverType);
        }
        Field field = (Field) member;
        signature(new Class<?>[0], field.getType());
        return resolve(field.getGenericType(), receiverType);
    }

    /** May a member named {@code name} be used on a value of this static type? */
    private boolean receiver(Class<?> receiver, String name) {
        String type = receiver.getName();
        if (TypeAllowList.REFUSED_MEMBER_NAMES.contains(name)
                || TypeAllowList.REFUSED_MEMBERS.contains(type + "." + name)) {
            refused.add(type + "." + name);
            return false;
        }
        if (usable(receiver) || type.equals(TypeAllowList.OPERATOR_HANDLE) && name.equals("evaluate")) {
            return true;
        }
        refused.add(type + "." + name);
        return false;
    }

    private void signature(Class<?>[] parameters, Class<?> result) {
        for (Class<?> p : parameters) {
            signatureType(p);
        }
        if (result != null) {
            signatureType(result);
        }
    }

    private void signatureType(Class<?> type) {
        Class<?> element = type;
        while (element.isArray()) {
            element = element.getComponentType();
        }
        if (!usable(element) && !TypeAllowList.isHandle(element.getName())) {
            refused.add(element.getName() + " (signature)");
        }
    }

    /** The static types of a call's arguments, each argument checked as an expression of its own. */
    private Class<?>[] arguments(String inner) {
        if (inner == null || inner.isBlank()) {
            return new Class<?>[0];
        }
        List<char[]> parts = ParseTools.parseParameterList(inner.toCharArray(), 0, -1);
        Class<?>[] types = new Class<?>[parts.size()];
        for (int i = 0; i < parts.size(); i++) {
            String argument = new String(parts.get(i)).strip();
            if (argument.equals("null")) {
                types[i] = NullType.class;
                continue;
            }
            Object compiled = compile(argument);
            Type type = statement(compiled);
            types[i] = type == null ? Object.class : raw(type);
        }
        return types;
    }

    private Object compile(String expression) {
        try {
            return MVEL.compileExpression(expression, context);
        } catch (RuntimeException e) {
            return unknown("expression", expression);
        }
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (type instanceof GenericArrayType g) {
            return raw(g.getGenericComponentType()).arrayType();
        }
        if (type instanceof TypeVariable<?> v) {
            return raw(v.getBounds()[0]);
        }
        if (type instanceof WildcardType w) {
            return raw(w.getUpperBounds()[0]);
        }
        return Object.class;
    }

    /** A member's generic type seen from the receiver's type: {@code List<String>.get} is a String. */
    static Type resolve(Type type, Type receiver) {
        Map<TypeVariable<?>, Type> bindings = new HashMap<>();
        bind(receiver, bindings);
        Type resolved = type;
        for (int depth = 0; resolved instanceof TypeVariable<?> v && bindings.containsKey(v) && depth < 10; depth++) {
            resolved = bindings.get(v);
        }
        return resolved instanceof WildcardType w ? w.getUpperBounds()[0] : resolved;
    }

    private static void bind(Type type, Map<TypeVariable<?>, Type> bindings) {
        Class<?> raw = raw(type);
        if (type instanceof ParameterizedType p) {
            TypeVariable<?>[] variables = raw.getTypeParameters();
            Type[] actual = p.getActualTypeArguments();
            for (int i = 0; i < variables.length && i < actual.length; i++) {
                bindings.putIfAbsent(variables[i], actual[i]);
            }
        }
        Collection<Type> supertypes = new ArrayList<>(List.of(raw.getGenericInterfaces()));
        if (raw.getGenericSuperclass() != null) {
            supertypes.add(raw.getGenericSuperclass());
        }
        for (Type s : supertypes) {
            bind(s, bindings);
        }
    }

    /** The index of the bracket closing the one at {@code open}, skipping string literals; -1 if none. */
    static int closing(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfString(text, i);
                if (i < 0) {
                    return -1;
                }
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (--depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static int endOfString(String text, int quote) {
        char q = text.charAt(quote);
        for (int i = quote + 1; i < text.length(); i++) {
            if (text.charAt(i) == '\\') {
                i++;
            } else if (text.charAt(i) == q) {
                return i;
            }
        }
        return -1;
    }

    /** One step of an access chain: {@code .name}, {@code .name(args)} or {@code [index]}. */
    record Segment(Kind kind, String name, String inner) {

        enum Kind {
            PROPERTY,
            METHOD,
            INDEX
        }

        /** The steps of a chain, or null if it is not a plain chain (a with-block, an operator, a closure). */
        static List<Segment> parse(String text) {
            List<Segment> segments = new ArrayList<>();
            int i = skip(text, 0);
            boolean first = true;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == '[') {
                    int close = closing(text, i);
                    if (close < 0) {
                        return null;
                    }
                    segments.add(new Segment(Kind.INDEX, null, text.substring(i + 1, close)));
                    i = skip(text, close + 1);
                    first = false;
                    continue;
                }
                if (c == '.') {
                    i = skip(text, i + 1);
                } else if (c == '?' && i + 1 < text.length() && text.charAt(i + 1) == '.') {
                    i = skip(text, i + 2);
                } else if (!first) {
                    return null;
                }
                int start = i;
                while (i < text.length() && Character.isJavaIdentifierPart(text.charAt(i))) {
                    i++;
                }
                if (i == start || !Character.isJavaIdentifierStart(text.charAt(start))) {
                    return null;
                }
                String name = text.substring(start, i);
                i = skip(text, i);
                if (i < text.length() && text.charAt(i) == '(') {
                    int close = closing(text, i);
                    if (close < 0) {
                        return null;
                    }
                    segments.add(new Segment(Kind.METHOD, name, text.substring(i + 1, close)));
                    i = skip(text, close + 1);
                } else {
                    segments.add(new Segment(Kind.PROPERTY, name, null));
                }
                first = false;
            }
            return segments;
        }

        private static int skip(String text, int from) {
            int i = from;
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            return i;
        }
    }
}
