package archfixture.shelf;

import java.util.List;

import archfixture.shelf.internal.BookRow;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Wrong on purpose: a repository, and a class that runs SQL, yet public.
 */
@Repository
public class ShelfRepository {

	private final JdbcClient jdbc;

	ShelfRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<BookRow> all() {
		return this.jdbc.sql("select id, title from shelf_book order by title").query(BookRow.class).list();
	}

}
