package dev.paperboy.papers;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A paper as the console lists it: with its row id (which digests refer to) and whether
 * an operator hid it from every digest.
 *
 * @param id the row id
 * @param paper the paper
 * @param hiddenAt when it was hidden, or null when digests may carry it
 */
public record PaperEntry(long id, Paper paper, @Nullable Instant hiddenAt) {

	public boolean hidden() {
		return this.hiddenAt != null;
	}

}
