/**
 * The China working-day calendar (工作日历): weekends off, statutory holidays off, make-up working days
 * (调休) on. Every "wd" of the rule catalogue and every ticket deadline is computed here. Pure Java: the
 * calendar is read from an editable data file under {@code rules/calendar/}.
 */
package org.jicha.calendar;
