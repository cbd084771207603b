/**
 * The web front: the overview page and its JSON summary, and the one place where exceptions become
 * HTTP responses (not found 404, conflict 409, bad request 400; never a 500 for a user's mistake).
 */
package org.jicha.web;
