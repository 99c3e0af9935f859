package archfixture.shelf;

import java.util.List;

import archfixture.shelf.internal.BookRow;

/**
 * The shelf's API: the titles of its books.
 */
public class Shelf {

	private final ShelfRepository books;

	Shelf(ShelfRepository books) {
		this.books = books;
	}

	public List<String> titles() {
		return this.books.all().stream().map(BookRow::title).toList();
	}

}
