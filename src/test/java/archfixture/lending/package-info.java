/**
 * Lends books out.
 */
@ModuleTables({ "loan", "loan_history" })
@NullMarked
package archfixture.lending;

import dev.paperboy.ModuleTables;
import org.jspecify.annotations.NullMarked;
