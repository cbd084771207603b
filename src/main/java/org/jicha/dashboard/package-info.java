/**
 * The dashboard (open and overdue tickets by theme and unit, rectification, the trend, the held run) and the
 * overview figures as JSON: the one feature that reads across runs and tickets for the front page.
 */
package org.jicha.dashboard;
