/**
 * The ticket pages: the list with filters, paging and bulk actions, and a ticket's page with its actions.
 */
package org.jicha.tickets.web;
