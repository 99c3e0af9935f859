package dev.paperboy.admin.users;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

/**
 * The users' saved views.
 */
interface SavedViews extends ListCrudRepository<SavedView, Long> {

	// saved_view_owner_page_name_idx
	List<SavedView> findByOwnerIdAndPageOrderByName(long ownerId, String page);

	// saved_view_owner_page_name_idx
	Optional<SavedView> findByOwnerIdAndPageAndName(long ownerId, String page, String name);

}
