package dev.paperboy.admin.users;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.PagingAndSortingRepository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The console's users.
 */
public interface ConsoleUsers
		extends ListCrudRepository<ConsoleUser, Long>, PagingAndSortingRepository<ConsoleUser, Long> {

	/**
	 * @param username a user name, in any case
	 * @return the user of that name
	 */
	// console_user_username_idx
	@Query("select u from ConsoleUser u where lower(u.username) = lower(?1)")
	Optional<ConsoleUser> findByUsername(String username);

	/**
	 * Locks the enabled admins, so two changes that each leave one admin cannot together
	 * leave none.
	 * @return the enabled admins
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select u from ConsoleUser u where u.role = dev.paperboy.admin.users.Role.ADMIN and u.enabled = true")
	List<ConsoleUser> lockEnabledAdmins();

	/**
	 * Uses a TOTP step, at most once: the same code never signs in twice.
	 * @param id the user
	 * @param step the step of the code that was typed
	 * @return 1 when the step was still unused
	 */
	@Modifying
	@Transactional
	@Query("update ConsoleUser u set u.totpLastStep = ?2 where u.id = ?1 and (u.totpLastStep is null or u.totpLastStep < ?2)")
	int useTotpStep(long id, long step);

	/**
	 * @param id the user
	 * @param at when they signed in
	 */
	@Modifying
	@Transactional
	@Query("update ConsoleUser u set u.lastLoginAt = ?2 where u.id = ?1")
	void signedIn(long id, Instant at);

}
