package org.jicha.rules;

/** One thing wrong with the rule set, located in a file (line 0 when the whole file is at fault). */
public record RuleProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
