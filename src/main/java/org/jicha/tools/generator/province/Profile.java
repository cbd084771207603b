package org.jicha.tools.generator.province;

import java.time.LocalDate;

/**
 * One customer's drawn properties, before its history is written: category and supply, tariff, meter, scale
 * and shape of consumption, dates. Built by {@link CustomerRecords}; lives for one customer only.
 */
final class Profile {

    enum Category {
        RESIDENTIAL,
        COMMERCIAL,
        LARGE_INDUSTRIAL,
        AGRICULTURAL
    }

    // monthly consumption shape, January first: summer and winter peaks for households, flatter for industry,
    // an irrigation season for agriculture (every 3-month average stays above 30 % of the 9 months before: INS-09)
    static final double[] SEASON_RESIDENTIAL = {1.25, 1.15, 0.95, 0.85, 0.85, 1.00, 1.30, 1.35, 1.05, 0.85, 0.90, 1.15};
    static final double[] SEASON_COMMERCIAL = {1.00, 0.85, 0.95, 0.95, 1.00, 1.10, 1.20, 1.20, 1.05, 1.00, 0.95, 1.05};
    static final double[] SEASON_INDUSTRIAL = {0.95, 0.85, 1.00, 1.00, 1.00, 1.02, 1.05, 1.05, 1.02, 1.00, 1.00, 1.05};
    static final double[] SEASON_AGRICULTURAL = {0.70, 0.65, 0.90, 1.20, 1.30, 1.40, 1.45, 1.35, 1.00, 0.75, 0.65, 0.65
    };

    String customerNo;
    String meterId;
    String name;
    Category category;
    String voltageKv;
    double voltage;
    String tariffCode;
    int contractKva;
    String basicChargeMode;
    int demandKw;
    String tradeCode;
    int readingDay;
    String readerId;
    LocalDate openedOn;
    boolean newConnection;

    String meterKind;
    int ctRatio;
    int ptRatio;
    String meteringClass;
    String accuracyClass;
    int multiplier;
    int recordedMultiplier;
    LocalDate installedOn;
    LocalDate rotationDueOn;
    long registerStart;

    double baseKwh;
    double[] season;
    int pfTarget;
    boolean recordsDemand;
    boolean recordsReactive;

    String importantGrade;

    double maxSeason() {
        double max = 0;
        for (double s : season) {
            max = Math.max(max, s);
        }
        return max;
    }
}
