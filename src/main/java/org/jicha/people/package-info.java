/**
 * People, roles and scope: users in the database (BCrypt), Spring Security's filter chain, sign-in throttling
 * and lockout ({@link org.jicha.people.SignInGuard}), the password policy ({@link org.jicha.people.PasswordPolicy}),
 * sessions checked against the account on every request (security stamp, forced password change), the
 * {@link org.jicha.people.Actor} a controller receives, which units an actor sees
 * ({@link org.jicha.people.UnitTree}), and the audit trail of sign-ins and actions (docs/SECURITY.md).
 */
package org.jicha.people;
