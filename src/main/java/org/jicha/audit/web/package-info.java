/**
 * The run pages (history, a run's findings, progress, run-now, withdraw and the brake's held tickets), the impact
 * preview of a candidate rule set on the rules page, and the rules' figures from the runs and tickets.
 */
package org.jicha.audit.web;
