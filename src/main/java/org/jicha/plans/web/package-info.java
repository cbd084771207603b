/**
 * The audit plans page (run now, switch on or off) and the release of a held run over its plan's scope.
 */
package org.jicha.plans.web;
