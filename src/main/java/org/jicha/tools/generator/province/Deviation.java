package org.jicha.tools.generator.province;

/**
 * A deviation the generator plants on one customer, with the finding the audit must raise for it. The first
 * five are the checks issue 6 compares across Drools, SQL and a plain Java loop.
 */
enum Deviation {
    /** The meter's reading (and so the bill) of the audited period is missing. */
    BIL_01("BIL-01", "METER", 1),
    /** The audited and the preceding period were both estimated. */
    BIL_02("BIL-02", "METER", 2),
    /** A small residential customer reads 0 kWh for the last three periods, with no pause applied for. */
    BIL_06("BIL-06", "CUSTOMER", 3),
    /** The audited period's consumption is 3.5 times the usual. */
    BIL_07("BIL-07", "CUSTOMER", 13),
    /** The audited bill of a 0.4 kV commercial customer is priced on the agricultural tariff. */
    BIL_08("BIL-08", "BILL", 1),
    /** The billing system's multiplier of a CT meter differs from ct_ratio x pt_ratio. */
    MET_01("MET-01", "METER", 1),
    /** The meter's rotation date passed before the as-of date. */
    MET_06("MET-06", "METER", 1),
    /** A seal was changed without a work order. */
    MET_10("MET-10", "METER", 1),
    /** A residential new connection whose supply plan was replied after 4 working days (limit 3). */
    EXP_01("EXP-01", "APPLICATION", 3),
    /** A bill five months before the audited one was never paid (more than BIL-17's 90 days overdue). */
    BIL_17("BIL-17", "CUSTOMER", 6),
    /** A 0.4 kV commercial customer last inspected more than 24 months ago (INS-01's default cycle). */
    INS_01("INS-01", "CUSTOMER", 1);

    final String ruleCode;
    final String subjectType;
    /** The fewest generated months the deviation needs to be detectable (BIL-07 needs last year's month). */
    final int minMonths;

    Deviation(String ruleCode, String subjectType, int minMonths) {
        this.ruleCode = ruleCode;
        this.subjectType = subjectType;
        this.minMonths = minMonths;
    }

    /**
     * Which deviation, if any, customer {@code index} carries. Customers fall into blocks of
     * {@code round(1 / rate)}; one customer of each block, at a position drawn from the seed and the block,
     * gets the deviation of the block's turn in this enum's order. So the count is exact (about N x rate),
     * every kind gets its share even in small batches, and the answer needs no state: any thread may ask.
     */
    static Deviation of(long index, long seed, double rate, int months) {
        if (rate <= 0) {
            return null;
        }
        long stride = Math.max(1, Math.round(1 / rate));
        long block = index / stride;
        long position = Math.floorMod(Seeds.mix(seed ^ 0x5DEECE66DL, block), stride);
        if (index % stride != position) {
            return null;
        }
        Deviation d = values()[(int) (block % values().length)];
        return months >= d.minMonths ? d : null;
    }
}
