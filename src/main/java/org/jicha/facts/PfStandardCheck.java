package org.jicha.facts;

import java.math.BigDecimal;

/**
 * A working fact: the power-factor standard a bill's customer should be assessed against. The rows of
 * {@code rules/bil/pf-standard.drl.xlsx} match the customer's category, contract kVA and voltage and call
 * {@link #setExpectedStandard}; a rule then compares with the applied tariff's standard.
 * A bill no row matches stays undecided and is not judged.
 */
public final class PfStandardCheck {

    private final BillFact bill;
    private boolean decided;
    private Double expectedStandard;

    public PfStandardCheck(BillFact bill) {
        this.bill = bill;
    }

    public BillFact getBill() {
        return bill;
    }

    public String getCustomerCategory() {
        return bill.getCustomerCategory();
    }

    public double getContractKva() {
        return bill.getCustomerContractKva();
    }

    public double getVoltageKv() {
        return bill.getCustomerVoltageKv();
    }

    /** A table row matched. */
    public boolean isDecided() {
        return decided;
    }

    /** The standard the customer should have; null when none applies (or undecided). */
    public Double getExpectedStandard() {
        return expectedStandard;
    }

    /**
     * Called by a table row: the customer is assessed against {@code standard} (e.g. 0.90). Table rows call
     * setters only, so that Drools' property reactivity sees just this property change and the rows, which
     * match other properties, do not fire again.
     */
    public void setExpectedStandard(double standard) {
        decided = true;
        expectedStandard = standard;
    }

    /** Called by a table row: the customer is not assessed (no pf standard). */
    public void setNotAssessed(boolean notAssessed) {
        decided = true;
        expectedStandard = notAssessed ? null : expectedStandard;
    }

    /** Decided, and the applied tariff's pf_standard (or its absence) differs from the expected one. */
    public boolean isMismatch() {
        if (!decided) {
            return false;
        }
        Double applied = bill.getAppliedPfStandard();
        if (applied == null || expectedStandard == null) {
            return (applied == null) != (expectedStandard == null);
        }
        return BigDecimal.valueOf(applied).compareTo(BigDecimal.valueOf(expectedStandard)) != 0;
    }
}
