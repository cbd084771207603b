package org.jicha.rules.compile;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jicha.rules.RuleProblem;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads {@code parameters.yml}: nested maps of numbers and texts, flattened to dotted keys. The document is
 * composed into YAML nodes first, so that every value keeps the line it was written on: a value a rule
 * cannot read is reported at {@code parameters.yml:<line>} (see {@link ParameterCheck}).
 */
public final class ParametersFile {

    /**
     * What the file holds: each flattened key's value as YAML resolved it, with the text it was written as and
     * its line, and each nested map (a table for {@code params.limit}) with the line it starts on.
     */
    public record Contents(Map<String, Value> values, Map<String, Integer> tables) {

        static final Contents NONE = new Contents(Map.of(), Map.of());
    }

    /**
     * One value: {@code resolved} as YAML typed it (Integer, Long, Double, String, Boolean, null for an empty
     * value, a List...), {@code text} as written (null for a sequence or a map), {@code line} 1-based.
     */
    public record Value(Object resolved, String text, int line) {}

    private ParametersFile() {}

    public static Contents read(Path file, String displayName, List<RuleProblem> problems) {
        if (!Files.exists(file)) {
            problems.add(new RuleProblem(displayName, 0, "parameters file is missing"));
            return Contents.NONE;
        }
        LoaderOptions options = new LoaderOptions();
        Node root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(options)).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            problems.add(new RuleProblem(displayName, line, "YAML error: " + e.getProblem()));
            return Contents.NONE;
        } catch (IOException | YAMLException e) {
            problems.add(new RuleProblem(displayName, 0, "cannot read parameters: " + e.getMessage()));
            return Contents.NONE;
        }
        if (root == null) {
            return Contents.NONE;
        }
        if (!(root instanceof MappingNode map)) {
            problems.add(new RuleProblem(displayName, lineOf(root), "expected a map of parameters at the top level"));
            return Contents.NONE;
        }
        Values constructor = new Values(options);
        Map<String, Value> values = new LinkedHashMap<>();
        Map<String, Integer> tables = new LinkedHashMap<>();
        try {
            constructor.flatten("", map, values, tables);
        } catch (YAMLException e) {
            // e.g. an alias to nothing or a merge key on a non-map: SnakeYAML's own words, at the map's line
            problems.add(new RuleProblem(displayName, lineOf(root), "YAML error: " + e.getMessage()));
            return Contents.NONE;
        }
        return new Contents(values, tables);
    }

    private static int lineOf(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    /** SnakeYAML's safe constructor, used node by node so that each value keeps its node's line. */
    private static final class Values extends SafeConstructor {

        Values(LoaderOptions options) {
            super(options);
        }

        void flatten(String prefix, MappingNode map, Map<String, Value> values, Map<String, Integer> tables) {
            flattenMapping(map); // resolves merge keys (<<) as loading the document would
            for (NodeTuple entry : map.getValue()) {
                String key = String.valueOf(constructObject(entry.getKeyNode()));
                String dotted = prefix.isEmpty() ? key : prefix + "." + key;
                Node node = entry.getValueNode();
                if (node instanceof MappingNode nested) {
                    tables.put(dotted, lineOf(nested));
                    flatten(dotted, nested, values, tables);
                } else {
                    String text = node instanceof ScalarNode scalar ? scalar.getValue() : null;
                    values.put(dotted, new Value(constructObject(node), text, lineOf(node)));
                }
            }
        }
    }
}
