package dev.paperboy.admin.users;

import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.PagingAndSortingRepository;

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

}
