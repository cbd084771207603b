package org.jicha.people;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface AppUserRepository extends JpaRepository<AppUser, Long> {

    Optional<AppUser> findByUsername(String username);

    List<AppUser> findAllByOrderByUsername();

    List<AppUser> findByRoleAndEnabledTrue(Role role);

    /**
     * The enabled administrators, their rows locked until the transaction ends: two administrators disabling or
     * demoting each other at the same moment (on two nodes) are served one after the other.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("SELECT u FROM AppUser u WHERE u.role = org.jicha.people.Role.ADMIN AND u.enabled = true ORDER BY u.id")
    List<AppUser> lockEnabledAdministrators();
}
