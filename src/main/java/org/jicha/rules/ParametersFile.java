package org.jicha.rules;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/** Reads {@code parameters.yml}: nested maps of numbers and texts, flattened to dotted keys. */
final class ParametersFile {

    private ParametersFile() {
    }

    static RuleParameters read(Path file, String displayName, List<RuleProblem> problems) {
        if (!Files.exists(file)) {
            problems.add(new RuleProblem(displayName, 0, "parameters file is missing"));
            return new RuleParameters(Map.of());
        }
        Object root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            problems.add(new RuleProblem(displayName, line, "YAML error: " + e.getProblem()));
            return new RuleParameters(Map.of());
        } catch (IOException | YAMLException e) {
            problems.add(new RuleProblem(displayName, 0, "cannot read parameters: " + e.getMessage()));
            return new RuleParameters(Map.of());
        }
        Map<String, Object> flat = new LinkedHashMap<>();
        if (root instanceof Map<?, ?> map) {
            flatten("", map, flat);
        } else if (root != null) {
            problems.add(new RuleProblem(displayName, 1, "expected a map of parameters at the top level"));
        }
        return new RuleParameters(flat);
    }

    private static void flatten(String prefix, Map<?, ?> map, Map<String, Object> out) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = prefix.isEmpty() ? String.valueOf(e.getKey()) : prefix + "." + e.getKey();
            if (e.getValue() instanceof Map<?, ?> nested) {
                flatten(key, nested, out);
            } else {
                out.put(key, e.getValue());
            }
        }
    }
}
