package org.jicha.rules.compile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Checks the classes Drools compiled from a rule set's Java parts (consequences, DRL functions, {@code eval},
 * accumulate expressions, their lambdas and inner classes) against {@link TypeAllowList}, by reading their
 * bytecode: every owner of a called method or read field with the method's or field's descriptor, every
 * created, cast or caught type, every class constant ({@code X.class}), every {@code invokedynamic} with its
 * bootstrap method and method-handle arguments, the class's supertypes and member signatures, and every
 * class entry of its constant pool. What the text of a rule says does not matter, only what it compiled to,
 * so a class name built from strings or reached through reflection cannot slip through: reflection and
 * {@code Class} are not on the list.
 * <p>
 * Longer than the other classes on purpose: one walk over the class-file format (constant pool, members,
 * instructions), which a reviewer checks against the JVM specification in one read.
 */
final class ClassFileCheck {

    private static final int READ = ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES;

    private final Map<String, ClassReader> classes = new LinkedHashMap<>();
    private final Set<String> stubs = new HashSet<>();

    /** @param classes binary class name ({@code jicha.bil.Rule_X}) to class-file bytes */
    public ClassFileCheck(Map<String, byte[]> classes) {
        classes.forEach((name, bytes) -> this.classes.put(name, new ClassReader(bytes)));
        this.classes.forEach((name, reader) -> {
            if (isDroolsStub(reader)) {
                stubs.add(name);
            }
        });
    }

    /**
     * True for an invoker stub Drools generates ({@code Rule_XDefaultConsequenceInvoker}, {@code ...Eval0Invoker}):
     * a public top-level class extending {@code Object} that implements {@code CompiledInvoker} and only Drools'
     * invoker interfaces. Rule text cannot produce one: consequences and functions are compiled as static
     * methods of classes that implement no Drools interface, a second public top-level class in their source
     * does not compile, and classes declared inside them are nested (they name their outer class).
     */
    static boolean isDroolsStub(ClassReader reader) {
        String[] interfaces = reader.getInterfaces();
        if ((reader.getAccess() & Opcodes.ACC_PUBLIC) == 0
                || !"java/lang/Object".equals(reader.getSuperName())
                || interfaces.length == 0
                || isNested(reader)) {
            return false;
        }
        boolean invoker = false;
        for (String i : interfaces) {
            String name = binary(i);
            if (!TypeAllowList.STUB_INTERFACES.contains(name)) {
                return false;
            }
            invoker |= name.equals("org.drools.base.rule.accessor.CompiledInvoker");
        }
        return invoker;
    }

    private static boolean isNested(ClassReader reader) {
        boolean[] nested = {false};
        reader.accept(
                new ClassVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitInnerClass(String name, String outerName, String innerName, int access) {
                        nested[0] |= name.equals(reader.getClassName());
                    }

                    @Override
                    public void visitOuterClass(String owner, String name, String descriptor) {
                        nested[0] = true;
                    }
                },
                ClassReader.SKIP_CODE | READ);
        return nested[0];
    }

    /** The refused references of each class that has any, in class order; empty when everything is allowed. */
    public Map<String, List<String>> refusals() {
        Map<String, List<String>> refusals = new LinkedHashMap<>();
        classes.forEach((name, reader) -> {
            Set<String> found = new LinkedHashSet<>();
            new Checker(name, stubs.contains(name), found).check(reader);
            if (!found.isEmpty()) {
                refusals.put(name, readable(found));
            }
        });
        return refusals;
    }

    /**
     * The refusals as a reader wants them: a type named in a signature, cast or constant pool is left out
     * when a refused call, field or {@code new} of it is listed already ({@code Runtime.exec} says enough).
     */
    private static List<String> readable(Set<String> found) {
        List<String> members = found.stream().filter(f -> !f.endsWith(")")).toList();
        List<String> readable = new ArrayList<>();
        for (String f : found) {
            String type = f.endsWith(")") ? f.substring(0, f.lastIndexOf(" (")) : null;
            if (type == null || members.stream().noneMatch(m -> m.startsWith(type + ".") || m.equals("new " + type))) {
                readable.add(f);
            }
        }
        return readable;
    }

    /** Classes Drools generated as invoker stubs (checked with the stub allowances). */
    public Set<String> stubs() {
        return Set.copyOf(stubs);
    }

    static String binary(String internalName) {
        return internalName.replace('/', '.');
    }

    /** The checks of one class; {@code found} collects what it may not use. */
    private final class Checker extends ClassVisitor {

        private final String self;
        private final boolean stub;
        private final Set<String> found;

        Checker(String self, boolean stub, Set<String> found) {
            super(Opcodes.ASM9);
            this.self = self;
            this.stub = stub;
            this.found = found;
        }

        void check(ClassReader reader) {
            constantPoolClasses(reader);
            reader.accept(this, READ);
        }

        /** Every CONSTANT_Class entry, used or not, must name a type the class may declare. */
        private void constantPoolClasses(ClassReader reader) {
            char[] buffer = new char[reader.getMaxStringLength()];
            for (int i = 1; i < reader.getItemCount(); i++) {
                int offset = reader.getItem(i);
                if (offset > 0 && reader.readByte(offset - 1) == 7) { // CONSTANT_Class
                    declarable(binaryOrDescriptor(reader.readUTF8(offset, buffer)), "class constant");
                }
            }
        }

        private String binaryOrDescriptor(String internal) {
            return internal.startsWith("[") ? Type.getType(internal).getClassName() : binary(internal);
        }

        /** A type the class may create, call or read: an allowed one or one of the rule set's own classes. */
        private boolean usable(String name) {
            String element = TypeAllowList.elementOf(name);
            return TypeAllowList.allows(element)
                    || isOwnRuleClass(element)
                    || element.startsWith(TypeAllowList.BIT_MASKS);
        }

        private boolean isOwnRuleClass(String name) {
            return name.equals(self) || classes.containsKey(name) && !stubs.contains(name);
        }

        /** A type the class may name in a signature, cast or constant pool. */
        private boolean declarable(String name) {
            String element = TypeAllowList.elementOf(name);
            if (usable(element) || TypeAllowList.isHandle(element) || TypeAllowList.isDeclarationOnly(element)) {
                return true;
            }
            return stub
                    && (element.startsWith("org.drools.")
                            || element.startsWith("org.kie.")
                            || element.equals("java.lang.Class")
                            || classes.containsKey(element));
        }

        private void declarable(String name, String as) {
            if (!declarable(name)) {
                found.add(TypeAllowList.elementOf(name) + " (" + as + ")");
            }
        }

        private void descriptor(String descriptor) {
            Type type = Type.getType(descriptor);
            if (type.getSort() == Type.METHOD) {
                for (Type argument : type.getArgumentTypes()) {
                    typeOf(argument);
                }
                typeOf(type.getReturnType());
            } else {
                typeOf(type);
            }
        }

        private void typeOf(Type type) {
            if (type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY) {
                declarable(type.getClassName(), "signature");
            }
        }

        private void call(String owner, String name, String descriptor) {
            if ((binary(owner) + "." + name).equals(TypeAllowList.MODIFY_UPDATE)
                    && descriptor.equals(TypeAllowList.MODIFY_UPDATE_DESCRIPTOR)) {
                return; // the end of a modify block
            }
            descriptor(descriptor);
            if (owner.startsWith("[")) {
                declarable(Type.getType(owner).getClassName(), "array");
                return; // clone() and length of an array
            }
            String type = binary(owner);
            String member = type + "." + name;
            if (stub && TypeAllowList.STUB_MEMBERS.contains(member)
                    || TypeAllowList.TEMPLATE_MEMBERS.contains(member)) {
                return;
            }
            if (TypeAllowList.REFUSED_MEMBER_NAMES.contains(name) || TypeAllowList.REFUSED_MEMBERS.contains(member)) {
                found.add(member);
            } else if (!usable(type)) {
                found.add(name.equals("<init>") ? "new " + type : member);
            }
        }

        private void field(String owner, String name, String descriptor) {
            descriptor(descriptor);
            String type = binary(owner);
            if (!usable(type)) {
                found.add(type + "." + name);
            }
        }

        private void handle(Handle handle) {
            if (handle.getTag() <= Opcodes.H_PUTSTATIC) {
                field(handle.getOwner(), handle.getName(), handle.getDesc());
            } else {
                call(handle.getOwner(), handle.getName(), handle.getDesc());
            }
        }

        private void constant(Object value, String as) {
            if (value instanceof Type type) {
                if (type.getSort() == Type.METHOD) {
                    descriptor(type.getDescriptor());
                    if (!as.equals("bootstrap argument")) {
                        found.add("a method type constant");
                    }
                } else {
                    found.add(type.getClassName() + ".class (" + as + ")");
                }
            } else if (value instanceof Handle handle) {
                if (as.equals("bootstrap argument")) {
                    handle(handle);
                } else {
                    found.add("a method handle constant (" + binary(handle.getOwner()) + "." + handle.getName() + ")");
                }
            } else if (value instanceof ConstantDynamic dynamic) {
                found.add("a dynamic constant (" + dynamic.getName() + ")");
            }
        }

        @Override
        public void visit(
                int version, int access, String name, String signature, String superName, String[] interfaces) {
            if (superName != null && !superName.equals("java/lang/Object") && !usable(binary(superName))) {
                found.add("extends " + binary(superName));
            }
            for (String i : interfaces) {
                String type = binary(i);
                boolean allowed = stub
                        ? TypeAllowList.STUB_INTERFACES.contains(type)
                        : usable(type) || TypeAllowList.isDeclarationOnly(type);
                if (!allowed) {
                    found.add("implements " + type);
                }
            }
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            descriptor(descriptor);
            return null;
        }

        @Override
        public MethodVisitor visitMethod(
                int access, String name, String descriptor, String signature, String[] exceptions) {
            descriptor(descriptor);
            if (exceptions != null) {
                for (String e : exceptions) {
                    declarable(binary(e), "throws");
                }
            }
            return new MethodVisitor(Opcodes.ASM9) {

                /** A class literal waiting to be handed straight to a modify block's update call. */
                private Type classLiteral;

                /** Any instruction but the update call: a waiting class literal was used for something else. */
                private void next() {
                    if (classLiteral != null) {
                        found.add(classLiteral.getClassName() + ".class (constant)");
                        classLiteral = null;
                    }
                }

                @Override
                public void visitMethodInsn(int opcode, String owner, String member, String desc, boolean itf) {
                    if (classLiteral != null
                            && (binary(owner) + "." + member).equals(TypeAllowList.MODIFY_UPDATE)
                            && desc.equals(TypeAllowList.MODIFY_UPDATE_DESCRIPTOR)
                            && TypeAllowList.allows(classLiteral.getClassName())) {
                        classLiteral = null;
                    }
                    next();
                    call(owner, member, desc);
                }

                @Override
                public void visitInsn(int opcode) {
                    next();
                }

                @Override
                public void visitIntInsn(int opcode, int operand) {
                    next();
                }

                @Override
                public void visitVarInsn(int opcode, int varIndex) {
                    next();
                }

                @Override
                public void visitJumpInsn(int opcode, org.objectweb.asm.Label label) {
                    next();
                }

                @Override
                public void visitIincInsn(int varIndex, int increment) {
                    next();
                }

                @Override
                public void visitTableSwitchInsn(
                        int min, int max, org.objectweb.asm.Label dflt, org.objectweb.asm.Label... labels) {
                    next();
                }

                @Override
                public void visitLookupSwitchInsn(
                        org.objectweb.asm.Label dflt, int[] keys, org.objectweb.asm.Label[] labels) {
                    next();
                }

                @Override
                public void visitEnd() {
                    next();
                }

                @Override
                public void visitFieldInsn(int opcode, String owner, String member, String desc) {
                    next();
                    field(owner, member, desc);
                }

                @Override
                public void visitTypeInsn(int opcode, String type) {
                    next();
                    String name = binaryOrDescriptor(type);
                    if (opcode == Opcodes.NEW && !usable(name)) {
                        found.add("new " + name);
                    } else {
                        declarable(name, opcode == Opcodes.NEW ? "new" : "type");
                    }
                }

                @Override
                public void visitMultiANewArrayInsn(String desc, int dimensions) {
                    next();
                    descriptor(desc);
                }

                @Override
                public void visitLdcInsn(Object value) {
                    next();
                    if (value instanceof Type type && (type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY)) {
                        classLiteral = type;
                    } else {
                        constant(value, "constant");
                    }
                }

                @Override
                public void visitInvokeDynamicInsn(String member, String desc, Handle bootstrap, Object... arguments) {
                    next();
                    String method = binary(bootstrap.getOwner()) + "." + bootstrap.getName();
                    if (!TypeAllowList.BOOTSTRAPS.contains(method)) {
                        found.add("invokedynamic through " + method);
                    }
                    descriptor(desc);
                    for (Object argument : arguments) {
                        constant(argument, "bootstrap argument");
                    }
                }

                @Override
                public void visitTryCatchBlock(
                        org.objectweb.asm.Label start,
                        org.objectweb.asm.Label end,
                        org.objectweb.asm.Label handler,
                        String type) {
                    if (type != null) {
                        declarable(binary(type), "catch");
                    }
                }
            };
        }
    }
}
