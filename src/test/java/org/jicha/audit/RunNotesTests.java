package org.jicha.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * A run's notes come from messages*.properties and are stored as they always were: Chinese, " / ", English, with
 * numbers and dates as plain text; a page shows the reader's half of each note, and a text of another form whole.
 */
class RunNotesTests {

    private final RunNotes notes = new RunNotes(messages());

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding(StandardCharsets.UTF_8.name());
        source.setFallbackToSystemLocale(false);
        return source;
    }

    @Test
    void anIncrementalRunSaysWhatItReEvaluated() {
        assertThat(notes.bilingual("run.note.incremental", "1234", "5678", "12", "3"))
                .isEqualTo("增量稽查：基于运行 1234，重新检查 5678 户（记录变更 12，时间可能改变结论 3） / incremental on run "
                        + "1234: 5678 customers re-evaluated (12 changed, 3 time-sensitive)");
    }

    @Test
    void aFullRunSaysWhyItWasNotIncrementalInEachLanguage() {
        assertThat(notes.bilingual(
                        "run.note.full",
                        RunNotes.part("run.base.outsideLookAhead", "2026-11-20", "7", "2026-11-05", "2026-11-12")))
                .isEqualTo("未能增量稽查，已全量稽查：基准日 2026-11-20 不在运行 7 的前瞻期 2026-11-05 至 2026-11-12 内 / no "
                        + "incremental run possible, ran in full: as of 2026-11-20 lies outside run 7's look-ahead "
                        + "2026-11-05 .. 2026-11-12");
        assertThat(notes.bilingual("run.note.full", RunNotes.part("run.base.none")))
                .isEqualTo("未能增量稽查，已全量稽查：尚无已完成的全量稽查 / no incremental run possible, ran in full: "
                        + "no completed full run yet");
        assertThat(notes.bilingual("run.note.full", RunNotes.part("run.base.periodChanged", "2026-09", "2026-10")))
                .isEqualTo("未能增量稽查，已全量稽查：稽查月份已变（2026-09 → 2026-10） / no incremental run possible, "
                        + "ran in full: the audited period changed (2026-09 -> 2026-10)");
    }

    @Test
    void heldCalendarAndUncomputableNotesAreOneNoteEachWithTheirArgumentsInEachLanguage() {
        assertThat(notes.bilingual("run.note.held", RunNotes.said("ST01 缺抄表", "ST01 lacks readings")))
                .isEqualTo("待数据，未稽查：ST01 缺抄表 / held, not audited: ST01 lacks readings");
        assertThat(notes.bilingual("run.note.calendar", "2027"))
                .isEqualTo("工作日历未覆盖 2027 年，仅按周末计算工作日 / the working-day calendar does not cover 2027: "
                        + "only weekends are known");
        assertThat(notes.bilingual(
                        "run.note.uncomputable", "BIL-12", "bills.pf_actual", RunNotes.part("run.note.column.empty")))
                .isEqualTo("BIL-12 无法计算：bills.pf_actual 在已装载数据中全部为空 / BIL-12 cannot be computed: "
                        + "bills.pf_actual is empty in every stored record");
    }

    @Test
    void anArgumentCannotAddASeparatorToANote() {
        assertThat(notes.bilingual("run.note.held", RunNotes.said("甲 / 乙; 丙", "a / b; c")))
                .isEqualTo("待数据，未稽查：甲／乙；丙 / held, not audited: a ／ b; c");
    }

    @Test
    void aPageShowsTheReadersHalfOfEveryNote() {
        String stored = notes.bilingual("run.note.held", RunNotes.said("甲；乙", "a; b")) + RunNotes.NOTES
                + notes.bilingual("run.note.calendar", "2027") + RunNotes.NOTES
                + "已按请求取消，已写入的发现保留 / cancelled on request; the findings written so far are kept";

        assertThat(RunNotes.inLanguage(stored, Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("待数据，未稽查：甲；乙；工作日历未覆盖 2027 年，仅按周末计算工作日；已按请求取消，已写入的发现保留");
        assertThat(RunNotes.inLanguage(stored, Locale.ENGLISH))
                .isEqualTo("held, not audited: a; b; the working-day calendar does not cover 2027: only weekends are "
                        + "known; cancelled on request; the findings written so far are kept");
    }

    @Test
    void aMessageNotWrittenAsNotesIsShownWhole() {
        for (String whole : List.of(
                "ArithmeticException: / by zero",
                "IllegalStateException: boom",
                // before issue 13: a note of two pairs
                "BIL-12 无法计算 / cannot be computed: bills.pf_actual 在已装载数据中全部为空 / is empty in every stored record",
                "规则出错（其余规则的结果已保存）/ rules threw (every other rule's results are kept): MET-99 × 2; "
                        + "工作日历未覆盖 2027 年 / the calendar")) {
            assertThat(RunNotes.inLanguage(whole, Locale.SIMPLIFIED_CHINESE)).isEqualTo(whole);
            assertThat(RunNotes.inLanguage(whole, Locale.ENGLISH)).isEqualTo(whole);
        }
        assertThat(RunNotes.inLanguage(null, Locale.ENGLISH)).isNull();
    }
}
