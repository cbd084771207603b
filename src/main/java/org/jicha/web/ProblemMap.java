package org.jicha.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Which HTTP answer each named exception gets: its status, its detail (the exception's message unless fixed) and
 * extra properties the clients read ({@code field}, {@code problems}, {@code currentVersion} ...). An exception not
 * declared is looked up by its superclasses, then by its causes.
 */
public final class ProblemMap {

    private final Map<Class<?>, List<Mapping<?>>> byType = new LinkedHashMap<>();

    ProblemMap() {}

    public <E extends Throwable> Mapping<E> map(Class<E> type, HttpStatus status) {
        return map(type, e -> status);
    }

    /** An exception whose status depends on it (e.g. 413 when a file is too large, 400 otherwise). */
    public <E extends Throwable> Mapping<E> map(Class<E> type, Function<? super E, HttpStatus> status) {
        Mapping<E> mapping = new Mapping<>(type, status);
        byType.computeIfAbsent(type, t -> new ArrayList<>()).add(mapping);
        return mapping;
    }

    /** The mapping of {@code e} (or of its first cause that has one) for a request handled by {@code controller}. */
    Optional<Answer> find(Throwable e, Class<?> controller) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Class<?> type = t.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
                for (Mapping<?> mapping : byType.getOrDefault(type, List.of())) {
                    if (mapping.onlyFrom == null || mapping.onlyFrom.equals(controller)) {
                        return Optional.of(new Answer(mapping, t));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Each exception declared once (per controller it is limited to). */
    void checkDeclaredOnce() {
        byType.forEach((type, mappings) -> {
            if (mappings.stream().map(m -> m.onlyFrom).distinct().count() < mappings.size()) {
                throw new IllegalStateException(type.getName() + " is mapped to an HTTP answer more than once");
            }
        });
    }

    /** A mapping found for an exception thrown: its problem detail, and where a page shows it. */
    record Answer(Mapping<?> mapping, Throwable exception) {

        ProblemDetail problem() {
            return mapping.problem(exception);
        }

        HttpStatus status() {
            return mapping.status(exception);
        }
    }

    /** How one exception is answered. */
    public static final class Mapping<E extends Throwable> {

        private final Class<E> type;
        private final Function<? super E, HttpStatus> status;
        private BiConsumer<? super E, ProblemDetail> properties = (e, problem) -> {};
        private Function<? super E, String> detail = Throwable::getMessage;
        private Class<?> onlyFrom;
        private String pageProblem;
        private String pageRedirect;

        private Mapping(Class<E> type, Function<? super E, HttpStatus> status) {
            this.type = type;
            this.status = status;
        }

        /** Extra properties of the problem detail, read by the clients. */
        public Mapping<E> with(BiConsumer<? super E, ProblemDetail> properties) {
            this.properties = properties;
            return this;
        }

        /** A fixed detail instead of the exception's message. */
        public Mapping<E> detail(String detail) {
            return detail(e -> detail);
        }

        /** A detail made from the exception instead of its message. */
        public Mapping<E> detail(Function<? super E, String> detail) {
            this.detail = detail;
            return this;
        }

        /** Only when thrown by this controller (for a framework exception that means something else elsewhere). */
        public Mapping<E> onlyFrom(Class<?> controller) {
            this.onlyFrom = controller;
            return this;
        }

        /** On a page: a redirect to {@code path} with the message {@code problemKey} instead of an error page. */
        public Mapping<E> onPages(String problemKey, String path) {
            this.pageProblem = problemKey;
            this.pageRedirect = path;
            return this;
        }

        String pageProblem() {
            return pageProblem;
        }

        String pageRedirect() {
            return pageRedirect;
        }

        HttpStatus status(Throwable e) {
            return status.apply(type.cast(e));
        }

        ProblemDetail problem(Throwable e) {
            E thrown = type.cast(e);
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status.apply(thrown), detail.apply(thrown));
            properties.accept(thrown, problem);
            return problem;
        }
    }
}
