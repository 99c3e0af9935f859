/**
 * The shelf's rows, internal to the shelf.
 */
@NullMarked
package archfixture.shelf.internal;

import org.jspecify.annotations.NullMarked;
