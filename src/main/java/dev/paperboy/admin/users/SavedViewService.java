package dev.paperboy.admin.users;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each user's saved views: a name for a console page's search (its query string), to open
 * again from that page.
 */
@Service
public class SavedViewService {

	private final SavedViews views;

	private final ConsoleUsers users;

	SavedViewService(SavedViews views, ConsoleUsers users) {
		this.views = views;
		this.users = users;
	}

	/**
	 * Saves a view, or replaces the one of that name on that page.
	 * @param username whose
	 * @param page the console page, for example {@code subscribers}
	 * @param name the view's name
	 * @param query the page's query string, without {@code ?}
	 * @return the view
	 */
	@Transactional
	public View save(String username, String page, String name, String query) {
		checkPage(page);
		String label = (name != null) ? name.strip() : "";
		if (label.isEmpty() || label.length() > 100 || label.chars().anyMatch(Character::isISOControl)) {
			throw AdminRequestException.invalid("A view's name is 1 to 100 characters on one line");
		}
		String clean = (query != null) ? query.strip() : "";
		if (clean.startsWith("?")) {
			clean = clean.substring(1);
		}
		if (clean.length() > 2000 || !clean.matches("[A-Za-z0-9._~%&=+\\-]*")) {
			throw AdminRequestException.invalid("A view's query is an encoded query string of at most 2000 characters");
		}
		long owner = owner(username);
		SavedView view = this.views.findByOwnerIdAndPageAndName(owner, page, label)
			.orElseGet(() -> new SavedView(owner, page, label, ""));
		view.setQuery(clean);
		return View.of(this.views.save(view));
	}

	@Transactional(readOnly = true)
	public List<View> list(String username, String page) {
		checkPage(page);
		return this.views.findByOwnerIdAndPageOrderByName(owner(username), page).stream().map(View::of).toList();
	}

	private long owner(String username) {
		return this.users.findByUsername(username)
			.map(ConsoleUser::getId)
			.orElseThrow(() -> AdminRequestException.invalid("Only console users save views"));
	}

	private static void checkPage(String page) {
		if (page == null || !page.matches("[a-z][a-z0-9-]{0,39}")) {
			throw AdminRequestException.invalid("A view's page is a console page's name, like subscribers");
		}
	}

	/**
	 * @param page the console page
	 * @param name the name
	 * @param query its query string
	 */
	public record View(String page, String name, String query) {

		static View of(SavedView view) {
			return new View(view.getPage(), view.getName(), view.getQuery());
		}

		/**
		 * @return the view's address
		 */
		public String href() {
			return "/admin/" + this.page + (this.query.isEmpty() ? "" : "?" + this.query);
		}

	}

}
