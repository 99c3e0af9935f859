package archfixture.shelf.internal;

/**
 * A row of {@code shelf_book}: public for the shelf's root package, internal to the
 * module all the same.
 *
 * @param id the book's id
 * @param title its title
 */
public record BookRow(long id, String title) {

}
