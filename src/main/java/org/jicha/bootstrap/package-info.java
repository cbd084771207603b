/**
 * Start-up housekeeping: close runs a stopped server left open (before the scheduler starts, so Quartz
 * recovery can re-run them), and (for the demo) load a sample batch into an empty database and audit it as
 * of its as-of date.
 */
package org.jicha.bootstrap;
