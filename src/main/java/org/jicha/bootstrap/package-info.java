/**
 * Start-up housekeeping: close runs a stopped server left open (before the scheduler starts, so Quartz
 * recovery can re-run them), and (for the demo) load a sample batch into an empty database and audit it as
 * of its as-of date; log the address the pages are really served at ({@code ServerAddress}).
 */
package org.jicha.bootstrap;
