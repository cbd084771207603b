package org.jicha.people;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jicha.config.Times;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Throttling and temporary lockout of sign-ins (form and HTTP Basic alike), counted in the database so that the
 * counts survive a restart and hold on every node of a cluster (tables {@code sign_in_failures},
 * {@code sign_in_locks}, {@code sign_in_addresses}; times in UTC).
 * <ul>
 *   <li>Per user name: {@code max-failures-per-user} failures within {@code window} lock the name for
 *   {@code lockout}, from every address except those it signed in from successfully in the last
 *   {@code known-address-for} ("known" addresses). From a known address the same count locks the user for that
 *   address alone. So a stranger's guessing never locks a user out of the workstation it works from.</li>
 *   <li>Per client address: {@code max-failures-per-address} failures within {@code window}, whatever the user
 *   names, refuse every sign-in from that address for {@code lockout}.</li>
 *   <li>A refused attempt is not checked and not counted: it neither extends a lockout nor starts a new one, and
 *   every lockout ends by itself ({@code locked_until}); an ADMIN may end a user's lockout sooner.</li>
 *   <li>The names counted are the ones typed, whether such a user exists or not, and a refusal is answered
 *   exactly like a wrong password, so nothing tells which user names exist.</li>
 * </ul>
 * The audit trail gets every failure with its address ({@code LOGIN_FAILED}), each lockout once when it begins
 * ({@code LOGIN_LOCKED}, {@code ADDRESS_LOCKED}) and every unlock ({@code UNLOCKED}, by {@link UserAccounts}).
 * Failures and successes are written outside the caller's transaction, each statement committing by itself: a
 * failure is recorded even when the caller's work rolls back, and the insert that loses a race for a lockout row
 * (on PostgreSQL an error aborts the whole transaction it runs in) spoils nothing else.
 */
@Service
class SignInGuard {

    private static final int COLUMN = 64;

    /** Why an attempt is refused before its password is checked. */
    public enum Refusal {
        /** Too many failures from the client's address. */
        ADDRESS_LOCKED,
        /** The user name is locked for this address. */
        USER_LOCKED
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AuditTrail trail;
    private final SecurityProperties.SignIn settings;
    private final Times times;

    public SignInGuard(JdbcTemplate jdbc, Clock clock, AuditTrail trail, SecurityProperties properties, Times times) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.trail = trail;
        this.settings = properties.signIn();
        this.times = times;
    }

    /** Whether an attempt of this user name from this address is refused without looking at its password. */
    @Transactional(readOnly = true)
    public Optional<Refusal> refusal(String username, String address) {
        String user = cut(username);
        String from = cut(address);
        LocalDateTime now = now();
        List<String> active = jdbc.queryForList(
                "SELECT lock_key FROM sign_in_locks WHERE lock_key IN (?, ?, ?) " + "AND locked_until > ?",
                String.class,
                addressKey(from),
                userKey(user),
                pairKey(user, from),
                now);
        if (active.contains(addressKey(from))) {
            return Optional.of(Refusal.ADDRESS_LOCKED);
        }
        if (active.isEmpty()) {
            return Optional.empty();
        }
        boolean locked = known(user, from, now) ? active.contains(pairKey(user, from)) : active.contains(userKey(user));
        return locked ? Optional.of(Refusal.USER_LOCKED) : Optional.empty();
    }

    /**
     * A failed attempt: to the trail with its address; counted (and perhaps starting a lockout) unless it was
     * refused unchecked.
     *
     * @param refusal the refusal that stopped it before its password was checked, or null when it was checked
     * @param reason  what failed, for the trail (e.g. {@code BadCredentialsException})
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void failed(String username, String address, Refusal refusal, String reason) {
        String user = cut(username == null || username.isBlank() ? "?" : username);
        String from = cut(address);
        trail.record(
                user,
                "LOGIN_FAILED",
                from,
                refusal == null
                        ? reason
                        : reason + "; 未校验密码，" + (refusal == Refusal.ADDRESS_LOCKED ? "地址已锁定" : "用户已锁定")
                                + " / password not checked: " + (refusal == Refusal.ADDRESS_LOCKED ? "address" : "user")
                                + " locked");
        if (refusal != null) {
            return;
        }
        LocalDateTime now = now();
        jdbc.update("DELETE FROM sign_in_failures WHERE failed_at <= ?", now.minus(settings.window()));
        jdbc.update("INSERT INTO sign_in_failures (username, address, failed_at) VALUES (?, ?, ?)", user, from, now);
        long byAddress = count("address = ?", addressKey(from), now, from);
        if (byAddress >= settings.maxFailuresPerAddress() && lock(addressKey(from), null, from, now)) {
            trail.record(
                    user,
                    "ADDRESS_LOCKED",
                    from,
                    "地址 " + from + " " + byAddress + " 次登录失败，所有用户自该地址登录锁定至 "
                            + shown(now.plus(settings.lockout())) + " / " + byAddress + " failed sign-ins from " + from
                            + ": every sign-in from it refused until then");
        }
        long byUser = count("username = ?", userKey(user), now, user);
        if (byUser >= settings.maxFailuresPerUser() && lock(userKey(user), user, null, now)) {
            trail.record(
                    user,
                    "LOGIN_LOCKED",
                    from,
                    byUser + " 次登录失败，锁定至 " + shown(now.plus(settings.lockout()))
                            + "（该用户曾成功登录的地址除外）/ " + byUser + " failed sign-ins: locked until then "
                            + "(except from addresses the user signed in from)");
        }
        if (known(user, from, now)) {
            long byPair = count("username = ? AND address = ?", pairKey(user, from), now, user, from);
            if (byPair >= settings.maxFailuresPerUser() && lock(pairKey(user, from), user, from, now)) {
                trail.record(
                        user,
                        "LOGIN_LOCKED",
                        from,
                        byPair + " 次登录失败，自该地址登录锁定至 "
                                + shown(now.plus(settings.lockout())) + " / " + byPair
                                + " failed sign-ins from this address: locked here until then");
            }
        }
    }

    /** A successful sign-in: the address becomes known for the user and its failures from there are forgiven. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void succeeded(String username, String address) {
        String user = cut(username);
        String from = cut(address);
        LocalDateTime now = now();
        jdbc.update("DELETE FROM sign_in_failures WHERE username = ? AND address = ?", user, from);
        List<LocalDateTime> last = jdbc.queryForList(
                "SELECT last_success_at FROM sign_in_addresses WHERE username = ? " + "AND address = ?",
                LocalDateTime.class,
                user,
                from);
        if (last.isEmpty()) {
            try {
                jdbc.update(
                        "INSERT INTO sign_in_addresses (username, address, last_success_at) VALUES (?, ?, ?)",
                        user,
                        from,
                        now);
            } catch (DuplicateKeyException concurrent) {
                // another request of the same user recorded it at the same moment
            }
        } else if (last.get(0).isBefore(now.minusHours(1))) {
            jdbc.update(
                    "UPDATE sign_in_addresses SET last_success_at = ? WHERE username = ? AND address = ?",
                    now,
                    user,
                    from);
        }
    }

    /** Ends every lockout of the user name and forgets its failures (the caller records the unlock). */
    @Transactional
    public void clear(String username) {
        String user = cut(username);
        jdbc.update("DELETE FROM sign_in_locks WHERE username = ?", user);
        jdbc.update("DELETE FROM sign_in_failures WHERE username = ?", user);
    }

    /** When the user name's latest lockout ends, if it is locked now (from anywhere). */
    @Transactional(readOnly = true)
    public Optional<LocalDateTime> lockedUntil(String username) {
        LocalDateTime now = now();
        return jdbc
                .queryForList(
                        "SELECT MAX(locked_until) FROM sign_in_locks WHERE username = ? AND locked_until > ?",
                        LocalDateTime.class,
                        cut(username),
                        now)
                .stream()
                .filter(Objects::nonNull)
                .map(t -> times.local(t.toInstant(ZoneOffset.UTC)))
                .findFirst();
    }

    /** Failures matching the condition since the window began, or since the key's last lockout ended if later. */
    private long count(String condition, String key, LocalDateTime now, Object... args) {
        LocalDateTime since = now.minus(settings.window());
        List<LocalDateTime> previous = jdbc.queryForList(
                "SELECT locked_until FROM sign_in_locks WHERE lock_key = ?", LocalDateTime.class, key);
        if (!previous.isEmpty() && previous.get(0).isAfter(since)) {
            since = previous.get(0);
        }
        Object[] all = Arrays.copyOf(args, args.length + 1);
        all[args.length] = since;
        Long n = jdbc.queryForObject(
                "SELECT COUNT(*) FROM sign_in_failures WHERE " + condition + " AND failed_at > ?", Long.class, all);
        return n == null ? 0 : n;
    }

    /** Starts a lockout unless one is running: true when this call started it (on any node, exactly one does). */
    private boolean lock(String key, String username, String address, LocalDateTime now) {
        LocalDateTime until = now.plus(settings.lockout());
        if (jdbc.update(
                        "UPDATE sign_in_locks SET locked_at = ?, locked_until = ? WHERE lock_key = ? AND locked_until <= ?",
                        now,
                        until,
                        key,
                        now)
                == 1) {
            return true;
        }
        try {
            return jdbc.update(
                            "INSERT INTO sign_in_locks (lock_key, username, address, locked_at, locked_until) "
                                    + "VALUES (?, ?, ?, ?, ?)",
                            key,
                            username,
                            address,
                            now,
                            until)
                    == 1;
        } catch (DuplicateKeyException running) {
            return false;
        }
    }

    private boolean known(String user, String address, LocalDateTime now) {
        Long n = jdbc.queryForObject(
                "SELECT COUNT(*) FROM sign_in_addresses WHERE username = ? AND address = ? "
                        + "AND last_success_at > ?",
                Long.class,
                user,
                address,
                now.minus(settings.knownAddressFor()));
        return n != null && n > 0;
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    private static String userKey(String user) {
        return "user:" + user;
    }

    private static String pairKey(String user, String address) {
        return "user:" + user + "@" + address;
    }

    private static String cut(String value) {
        String v = value == null || value.isEmpty() ? "?" : value;
        return v.length() <= COLUMN ? v : v.substring(0, COLUMN);
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** A time of the UTC table shown to people: {@code yyyy-MM-dd HH:mm} in their zone. */
    private String shown(LocalDateTime utc) {
        return times.format(utc.toInstant(ZoneOffset.UTC));
    }
}
