package org.jicha.notify;

import java.util.List;
import java.util.function.Function;

/** The ticket entries of a plain-text mail: one block per ticket, Chinese labels first, at most a few hundred. */
final class TicketLines {

    static final int MAX_LISTED = 200;

    private TicketLines() {}

    static String block(OverdueTicket t, String dueLine, NotifyProperties properties) {
        return "  #" + t.id() + "  " + t.ruleCode() + "  " + title(t) + "\n"
                + "      对象 / Subject: " + oneLine(t.subject()) + "\n"
                + "      " + dueLine + "\n"
                + "      链接 / Link: " + properties.ticketLink(t.id()) + "\n";
    }

    /** The rule's title in Chinese, then in English when the rules in force name it otherwise. */
    private static String title(OverdueTicket t) {
        String zh = oneLine(t.title());
        String en = oneLine(t.titleEn());
        return en.isEmpty() || en.equals(zh) ? zh : zh + " / " + en;
    }

    static <T> void appendAll(StringBuilder body, List<T> items, Function<T, String> block) {
        items.stream().limit(MAX_LISTED).forEach(i -> body.append(block.apply(i)));
        if (items.size() > MAX_LISTED) {
            int more = items.size() - MAX_LISTED;
            body.append("  …… 另有 ")
                    .append(more)
                    .append(" 张，请登录系统查看 / … and ")
                    .append(more)
                    .append(" more: see Jicha\n");
        }
    }

    /** Data never breaks the layout of the mail: line breaks and control characters become spaces. */
    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\p{Cntrl}", " ").strip();
    }
}
