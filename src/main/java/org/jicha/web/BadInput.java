package org.jicha.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.lang.annotation.Annotation;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;

/**
 * Describes a bad request body or parameter for people: where (the field path such as {@code themes[1]}, the
 * parameter, or line and column of the JSON) and why (the value, the expected type, the allowed values of an
 * enum, the violated bound), in Chinese and English like every API error. The answers are 400 problem details
 * with the place also as properties ({@code field} or {@code parameter}, {@code value}, {@code allowed},
 * {@code line}, {@code column}).
 */
final class BadInput {

    private BadInput() {}

    /** A request body Jackson could not read, or none at all. */
    static ProblemDetail body(Throwable cause) {
        JacksonException jackson = jacksonIn(cause);
        if (jackson == null) {
            return problem("请求体缺失或无法读取 / the request body is missing or cannot be read");
        }
        String field = path(jackson.getPath());
        String where = field.isEmpty() ? "" : "字段 " + field + " ";
        String whereEn = field.isEmpty() ? "the body" : "field " + field;
        ProblemDetail problem;
        if (jackson instanceof PropertyBindingException unknown) {
            List<String> known = unknown.getKnownPropertyIds() == null
                    ? List.of()
                    : unknown.getKnownPropertyIds().stream()
                            .map(String::valueOf)
                            .sorted()
                            .toList();
            problem = problem("未知字段 " + field + "，可用字段：" + String.join(", ", known) + " / unknown field " + field
                    + "; the fields are " + String.join(", ", known));
            problem.setProperty("allowed", known);
        } else if (jackson instanceof InvalidFormatException format) {
            String value = String.valueOf(format.getValue());
            Type type = Type.of(format.getTargetType());
            problem = problem(where + "的值 \"" + value + "\" 无效，应为" + type.zh + " / " + whereEn + ": \"" + value
                    + "\" is not " + type.en);
            problem.setProperty("value", value);
            type.allowed.ifPresent(allowed -> problem.setProperty("allowed", allowed));
        } else if (jackson instanceof InvalidNullException) {
            problem = problem(where + "不能为空 / " + whereEn + " must not be null");
        } else if (jackson instanceof MismatchedInputException mismatch) {
            Type type = Type.of(mismatch.getTargetType());
            problem = problem(
                    where + (field.isEmpty() ? "请求体" : "") + "应为" + type.zh + " / " + whereEn + " must be " + type.en);
            type.allowed.ifPresent(allowed -> problem.setProperty("allowed", allowed));
        } else if (jackson instanceof DatabindException) {
            problem = problem((field.isEmpty() ? "请求体" : where) + "无效 / " + whereEn + " is invalid");
        } else {
            TokenStreamLocation at = jackson.getLocation();
            String line =
                    at == null || at.getLineNr() < 1 ? "" : "（第 " + at.getLineNr() + " 行第 " + at.getColumnNr() + " 列）";
            String lineEn = at == null || at.getLineNr() < 1
                    ? ""
                    : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            return located(
                    problem("JSON 格式错误" + line + " / malformed JSON" + lineEn + ": " + parserMessage(jackson)), at);
        }
        if (!field.isEmpty()) {
            problem.setProperty("field", field);
        }
        return located(problem, jackson.getLocation());
    }

    /** A query or path parameter that does not convert to its type. */
    static ProblemDetail parameter(String name, Object value, Class<?> requiredType) {
        Type type = Type.of(requiredType);
        ProblemDetail problem = problem("参数 " + name + " 的值 \"" + value + "\" 无效，应为" + type.zh + " / invalid value \""
                + value + "\" for parameter " + name + ": it must be " + type.en);
        problem.setProperty("parameter", name);
        problem.setProperty("value", String.valueOf(value));
        type.allowed.ifPresent(allowed -> problem.setProperty("allowed", allowed));
        return problem;
    }

    /** Bean Validation's verdicts on parameters or fields: name to violation (or, without one, a message). */
    static ProblemDetail violations(String kind, Map<String, Object> violations) {
        List<String> zh = violations.entrySet().stream()
                .map(v -> (kind.equals("field") ? "字段 " : "参数 ") + v.getKey() + reason(v.getValue())[0])
                .toList();
        List<String> en = violations.entrySet().stream()
                .map(v -> kind + " " + v.getKey() + " " + reason(v.getValue())[1])
                .toList();
        ProblemDetail problem = problem(String.join("；", zh) + " / " + String.join("; ", en));
        problem.setProperty(kind, violations.keySet().iterator().next());
        violations.values().stream()
                .filter(ConstraintViolation.class::isInstance)
                .findFirst()
                .map(v -> ((ConstraintViolation<?>) v).getInvalidValue())
                .ifPresent(value -> problem.setProperty("value", String.valueOf(value)));
        return problem;
    }

    static ProblemDetail problem(String detail) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    }

    /** Chinese and English for the bounds the controllers use; any other constraint by its own message. */
    private static String[] reason(Object violation) {
        if (!(violation instanceof ConstraintViolation<?> v)) {
            return new String[] {" 无效：" + violation, "is invalid: " + violation};
        }
        Annotation constraint = v.getConstraintDescriptor().getAnnotation();
        Object bound = v.getConstraintDescriptor().getAttributes().get("value");
        if (constraint instanceof Min) {
            return new String[] {" 不能小于 " + bound, "must be at least " + bound};
        }
        if (constraint instanceof Max) {
            return new String[] {" 不能大于 " + bound, "must be at most " + bound};
        }
        if (constraint instanceof PositiveOrZero) {
            return new String[] {" 不能为负数", "must not be negative"};
        }
        if (constraint instanceof NotNull) {
            return new String[] {" 不能为空", "must not be null"};
        }
        return new String[] {" 无效：" + v.getMessage(), "is invalid: " + v.getMessage()};
    }

    private static ProblemDetail located(ProblemDetail problem, TokenStreamLocation at) {
        if (at != null && at.getLineNr() > 0) {
            problem.setProperty("line", at.getLineNr());
            problem.setProperty("column", at.getColumnNr());
        }
        return problem;
    }

    /** The parser's own words, without the location it appends (already given by line and column). */
    private static String parserMessage(JacksonException e) {
        String message = String.valueOf(e.getOriginalMessage());
        int location = message.indexOf(" (start marker at ");
        return location < 0 ? message : message.substring(0, location);
    }

    private static JacksonException jacksonIn(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof JacksonException jackson) {
                return jackson;
            }
        }
        return null;
    }

    /** {@code themes[1]}, {@code tickets[0].version}; empty for the body itself. */
    static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** What a value should have been, for people; for an enum also its constants. */
    private record Type(String zh, String en, Optional<List<String>> allowed) {

        static Type of(Class<?> type) {
            if (type == null) {
                return new Type("正确的类型", "of the expected type", Optional.empty());
            }
            if (type.isEnum()) {
                List<String> constants = Arrays.stream(type.getEnumConstants())
                        .map(c -> ((Enum<?>) c).name())
                        .toList();
                String list = String.join(", ", constants);
                return new Type("以下之一：" + list, "one of " + list, Optional.of(constants));
            }
            return new Type(zhName(type), enName(type), Optional.empty());
        }

        private static String zhName(Class<?> type) {
            if (CharSequence.class.isAssignableFrom(type)) {
                return "文本";
            }
            if (whole(type)) {
                return "整数";
            }
            if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
                return "数字";
            }
            if (type == Boolean.class || type == boolean.class) {
                return "布尔值（true 或 false）";
            }
            if (type == LocalDate.class) {
                return "日期（yyyy-MM-dd）";
            }
            if (type == LocalDateTime.class) {
                return "日期时间（yyyy-MM-ddTHH:mm:ss）";
            }
            if (type == YearMonth.class) {
                return "月份（yyyy-MM）";
            }
            if (Collection.class.isAssignableFrom(type) || type.isArray()) {
                return "列表（JSON 数组）";
            }
            return "对象（JSON 对象）";
        }

        private static String enName(Class<?> type) {
            if (CharSequence.class.isAssignableFrom(type)) {
                return "text";
            }
            if (whole(type)) {
                return "a whole number";
            }
            if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
                return "a number";
            }
            if (type == Boolean.class || type == boolean.class) {
                return "true or false";
            }
            if (type == LocalDate.class) {
                return "a date (yyyy-MM-dd)";
            }
            if (type == LocalDateTime.class) {
                return "a date and time (yyyy-MM-ddTHH:mm:ss)";
            }
            if (type == YearMonth.class) {
                return "a month (yyyy-MM)";
            }
            if (Collection.class.isAssignableFrom(type) || type.isArray()) {
                return "a list (JSON array)";
            }
            return "an object (JSON object)";
        }

        private static boolean whole(Class<?> type) {
            return type == Integer.class
                    || type == int.class
                    || type == Long.class
                    || type == long.class
                    || type == Short.class
                    || type == short.class
                    || type == BigInteger.class;
        }
    }
}
