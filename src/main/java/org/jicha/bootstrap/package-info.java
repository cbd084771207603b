/**
 * Start-up housekeeping: close runs a stopped server left open, and (for the demo) load a sample batch
 * into an empty database and audit it as of its as-of date.
 */
package org.jicha.bootstrap;
