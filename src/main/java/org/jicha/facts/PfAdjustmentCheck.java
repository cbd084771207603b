package org.jicha.facts;

/**
 * The power-factor adjustment a bill is due, as a working fact for a bill whose applied tariff has a power-factor standard: the rows of
 * {@code rules/bil/pf-adjustment.drl.xlsx} match the standard and the period's actual power factor and set
 * the adjustment percentage with {@link #setRatePercent}; a rule then compares the adjustment due with the billed
 * one. A period with 0 kWh (no power factor) is decided from the start: no adjustment is due. A power
 * factor no row matches stays undecided and is not judged.
 */
public final class PfAdjustmentCheck {

    private final BillFact bill;
    private Double ratePercent;

    public PfAdjustmentCheck(BillFact bill) {
        this.bill = bill;
    }

    public BillFact getBill() {
        return bill;
    }

    /** The applied tariff's pf_standard, e.g. 0.9. */
    public double getStandard() {
        return bill.getAppliedPfStandard();
    }

    /** The period's actual power factor (2 decimals); null when the period has 0 kWh. */
    public Double getPf() {
        return bill.getActualPf();
    }

    /** Adjustment percentage set by a table row (+ surcharge, - reward); null until one matches. */
    public Double getRatePercent() {
        return ratePercent;
    }

    /** Called by a table row; a setter, so that property reactivity does not fire the table's rows again. */
    public void setRatePercent(double percent) {
        ratePercent = percent;
    }

    /** The adjustment due can be computed: the period has no power factor, or a row gave its rate. */
    public boolean isDecided() {
        return getPf() == null || ratePercent != null;
    }

    /** The adjustment due, to the cent: 0 without a power factor, else the rate applied to energy + basic charge. */
    public double getExpectedAdjustment() {
        return getPf() == null || ratePercent == null ? 0 : bill.pfAdjustmentAt(ratePercent);
    }

    /** abs(pf_adjustment billed (empty = 0) - the adjustment due), to the cent. */
    public double getDifference() {
        return BillFact.cents(Math.abs(bill.getPfAdjustmentBilled() - getExpectedAdjustment()));
    }
}
