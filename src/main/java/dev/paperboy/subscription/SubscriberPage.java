package dev.paperboy.subscription;

import java.util.List;

/**
 * One page of a subscriber search. Nothing counts every match (at a million subscribers
 * that costs more than the page): a page knows whether another follows.
 *
 * @param rows the subscribers
 * @param number the page, from 0
 * @param size rows per page
 * @param hasNext whether more follow (and the next page may be asked for)
 * @param estimatedTotal about how many subscribers there are in all (the planner's
 * estimate)
 */
public record SubscriberPage(List<SubscriberRow> rows, int number, int size, boolean hasNext, long estimatedTotal) {

	public boolean hasPrevious() {
		return this.number > 0;
	}

	/**
	 * @return the position of the first row, from 1
	 */
	public int first() {
		return this.number * this.size + 1;
	}

}
