/**
 * People, roles and scope: users in the database (BCrypt), Spring Security's filter chain, the
 * {@link org.jicha.people.Actor} a controller receives, which units an actor sees
 * ({@link org.jicha.people.UnitTree}), and the audit trail of sign-ins and actions.
 */
package org.jicha.people;
