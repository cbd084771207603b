package org.jicha.rules.versions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which file changes make the watcher reload the rules: not editors' temp and lock files. */
class RuleFolderWatcherTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "~$billing.drl.xlsx",
                ".parameters.yml.swx",
                ".#reading.drl",
                "reading.drl.swp",
                "reading.drl~",
                ".git"
            })
    void editorTempAndLockFilesAreIgnored(String name) {
        assertThat(RuleFolderWatcher.matters(name)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"reading.drl", "billing.drl.xlsx", "parameters.yml", "cn-working-days.csv", "bil"})
    void ruleFilesParametersCalendarAndFoldersCount(String name) {
        assertThat(RuleFolderWatcher.matters(name)).isTrue();
    }
}
