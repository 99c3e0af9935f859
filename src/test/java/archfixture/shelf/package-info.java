/**
 * Keeps the books on the shelf.
 */
@ModuleTables("shelf_book")
@NullMarked
package archfixture.shelf;

import dev.paperboy.ModuleTables;
import org.jspecify.annotations.NullMarked;
