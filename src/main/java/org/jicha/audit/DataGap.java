package org.jicha.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/**
 * A station whose extract of the audited period has not (all) arrived, as the data-arrival check counted it:
 * in-service meters installed by the period's end and how many have a reading of the period; the customers with
 * such a meter and how many have a bill of the period.
 */
public record DataGap(String stationCode, String stationName, long meters, long readings, long customers, long bills) {

    /** Readings of the period per in-service meter, 0-1 (1 when the station has no meter). */
    @JsonProperty
    public double readingShare() {
        return meters == 0 ? 1.0 : (double) readings / meters;
    }

    /** Customers billed for the period per metered customer, 0-1 (1 when there is none). */
    @JsonProperty
    public double billShare() {
        return customers == 0 ? 1.0 : (double) bills / customers;
    }

    /** e.g. {@code 87.5%}. */
    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    public String readingPercent() {
        return percent(readingShare());
    }

    public String billPercent() {
        return percent(billShare());
    }

    /** 城关供电所（ST01）：抄表 1/152（0.7%），电费 0/152（0.0%）. */
    public String describeZh() {
        return stationName + "（" + stationCode + "）：抄表 " + readings + "/" + meters + "（" + readingPercent() + "），电费 "
                + bills + "/" + customers + "（" + billPercent() + "）";
    }

    /** ST01: readings 1/152 (0.7%), bills 0/152 (0.0%). */
    public String describeEn() {
        return stationCode + ": readings " + readings + "/" + meters + " (" + readingPercent() + "), bills " + bills
                + "/" + customers + " (" + billPercent() + ")";
    }
}
