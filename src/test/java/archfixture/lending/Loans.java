package archfixture.lending;

import java.util.List;

import archfixture.shelf.internal.BookRow;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Wrong on purpose: uses the shelf's internal {@link BookRow}, names the shelf's table in
 * its SQL, and writes a table nobody owns. A comment that says "select from shelf_book"
 * is not SQL and breaks nothing.
 */
class Loans {

	private final JdbcClient jdbc;

	Loans(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<BookRow> lent() {
		// joins from shelf_book: the violation is the statement below, not this comment
		return this.jdbc.sql("""
				select b.id, b.title
				from loan l, shelf_book b
				where b.id = l.book_id
				""").query(BookRow.class).list();
	}

	void audit(long book) {
		char quote = '"';
		this.jdbc.sql("insert into " + "loan_audit (book_id, note) values (?, " + quote + ")").param(book).update();
		this.jdbc.sql("update loan set returned = true where book_id = ?").param(book).update();
	}

}
