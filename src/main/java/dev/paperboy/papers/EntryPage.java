package dev.paperboy.papers;

import java.util.List;

/**
 * One page of the console's paper search, counted no further than the next page.
 *
 * @param entries the papers on this page
 * @param page the page number from 0
 * @param hasNext whether another page follows
 */
public record EntryPage(List<PaperEntry> entries, int page, boolean hasNext) {

	public boolean hasPrevious() {
		return this.page > 0;
	}

}
