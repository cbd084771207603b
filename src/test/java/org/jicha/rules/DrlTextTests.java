package org.jicha.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DrlTextTests {

    private static final String DRL = """
            package x;
            function String label(int n) {
                return "第" + n + "项";
            }
            rule "R 超期"
                @title("超期未抄")
            when
                $m : Object( toString != "表" )
            then
                findings.raise(drools, $m, "表计 无抄表记录");
            end
            """;

    @Test
    void consequencesAndFunctionsAreWrittenInAsciiEscapes() {
        String out = DrlText.javaPartsInAscii(DRL);

        assertThat(out).contains("findings.raise(drools, $m, \"\\u8868\\u8ba1 \\u65e0\\u6284\\u8868\\u8bb0\\u5f55\");");
        assertThat(out).contains("return \"\\u7b2c\" + n + \"\\u9879\";");
    }

    @Test
    void metadataConditionsAndLineNumbersStayAsWritten() {
        String out = DrlText.javaPartsInAscii(DRL);

        assertThat(out).contains("rule \"R 超期\"", "@title(\"超期未抄\")", "toString != \"表\"");
        assertThat(out.lines().count()).isEqualTo(DRL.lines().count());
    }
}
