package org.jicha.plans;

/** A plan asked to become what it already is (enable an enabled plan, disable a disabled one): HTTP 409. */
class PlanStateException extends IllegalStateException {

    public PlanStateException(String message) {
        super(message);
    }
}
