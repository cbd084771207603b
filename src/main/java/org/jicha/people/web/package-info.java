/**
 * The people's pages: sign-in, one's own password, the audit trail for administrators, and the viewer every
 * page's layout greets.
 */
package org.jicha.people.web;
