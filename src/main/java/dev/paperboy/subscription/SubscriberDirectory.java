package dev.paperboy.subscription;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the operations console does with many subscribers: search them, export a search,
 * and change many at once.
 */
@Service
public class SubscriberDirectory {

	/** At most this many subscribers per bulk action. */
	public static final int MAX_BULK = 500;

	private final SubscriberQueries queries;

	private final SubscriptionService subscriptions;

	private final TransactionTemplate transactions;

	SubscriberDirectory(SubscriberQueries queries, SubscriptionService subscriptions,
			TransactionTemplate transactions) {
		this.queries = queries;
		this.subscriptions = subscriptions;
		this.transactions = transactions;
	}

	/**
	 * @param search what to look for
	 * @return the page of matches
	 */
	public SubscriberPage search(SubscriberSearch search) {
		List<SubscriberRow> rows = this.queries.page(search);
		boolean hasNext = rows.size() > search.size()
				&& (long) (search.page() + 1) * search.size() <= SubscriberSearch.MAX_OFFSET;
		return new SubscriberPage(rows.subList(0, Math.min(rows.size(), search.size())), search.page(), search.size(),
				hasNext, this.queries.estimatedTotal());
	}

	/**
	 * Hands every match of a search (all pages) to the consumer, in order, as the
	 * database reads them.
	 * @param search what to look for
	 * @param consumer takes each row
	 */
	public void export(SubscriberSearch search, Consumer<SubscriberRow> consumer) {
		TransactionTemplate readOnly = new TransactionTemplate(this.transactions.getTransactionManager());
		readOnly.setReadOnly(true);
		readOnly.executeWithoutResult((status) -> this.queries.each(search, consumer));
	}

	/**
	 * Applies an action to each subscriber, one by one, through the subscription service
	 * (each change publishes its event); those it does not apply to stay as they are.
	 * @param action what to do
	 * @param ids whom to do it to
	 * @return how many changed
	 * @throws InvalidInputException for no ids or too many
	 */
	public int apply(BulkAction action, Collection<Long> ids) {
		if (ids.isEmpty() || ids.size() > MAX_BULK) {
			throw new InvalidInputException("ids", "must name 1 to " + MAX_BULK + " subscribers");
		}
		int changed = 0;
		for (long id : new LinkedHashSet<>(ids)) {
			boolean done = switch (action) {
				case PAUSE -> this.subscriptions.pause(id);
				case RESUME -> this.subscriptions.resume(id);
				case UNSUBSCRIBE -> this.subscriptions.unsubscribe(id);
				case ERASE -> this.subscriptions.erase(id);
			};
			changed += done ? 1 : 0;
		}
		return changed;
	}

}
