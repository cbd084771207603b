/**
 * The reports page: a month's deviation and feedback reports and the monthly archive.
 */
package org.jicha.reports.web;
