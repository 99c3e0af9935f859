package dev.paperboy.admin.users;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.criteria.Predicate;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records every admin action and sign-in, and finds them again.
 */
@Service
public class AuditLog {

	static final int PAGE_SIZE = 50;

	private final AuditEvents events;

	AuditLog(AuditEvents events) {
		this.events = events;
	}

	/**
	 * Records an event in its own transaction (kept even when the action's rolled back).
	 * @param actor who (a user name, or what they typed at the sign-in)
	 * @param action what, for example {@code POST /admin/users}
	 * @param target on what, if anything
	 * @param outcome how it ended: an HTTP status or a word
	 * @param remoteAddress from where
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void record(String actor, String action, @Nullable String target, String outcome,
			@Nullable String remoteAddress) {
		this.events.save(new AuditEvent(cut(actor, 100), cut(action, 300), (target != null) ? cut(target, 300) : null,
				cut(outcome, 40), (remoteAddress != null) ? cut(remoteAddress, 100) : null));
	}

	/**
	 * @param filter what to look for
	 * @param page which page, 0 first
	 * @return the events, newest first, a page at a time
	 */
	@Transactional(readOnly = true)
	public Slice<AuditEvent> search(Filter filter, int page) {
		Specification<AuditEvent> matching = (root, query, cb) -> {
			List<Predicate> predicates = new ArrayList<>();
			if (filter.actor() != null && !filter.actor().isBlank()) {
				predicates.add(cb.equal(root.get("actor"), filter.actor().strip()));
			}
			if (filter.action() != null && !filter.action().isBlank()) {
				String like = "%" + filter.action()
					.strip()
					.toLowerCase(Locale.ROOT)
					.replace("\\", "\\\\")
					.replace("%", "\\%")
					.replace("_", "\\_") + "%";
				predicates.add(cb.like(cb.lower(root.get("action")), like, '\\'));
			}
			if (filter.from() != null) {
				predicates.add(cb.greaterThanOrEqualTo(root.get("at"), filter.from()));
			}
			if (filter.to() != null) {
				predicates.add(cb.lessThan(root.get("at"), filter.to()));
			}
			return cb.and(predicates.toArray(Predicate[]::new));
		};
		PageRequest request = PageRequest.of(Math.max(0, Math.min(page, 10_000)), PAGE_SIZE,
				Sort.by(Sort.Order.desc("at"), Sort.Order.desc("id")));
		return this.events.findBy(matching, (query) -> query.slice(request));
	}

	private static String cut(String value, int length) {
		return (value.length() <= length) ? value : value.substring(0, length);
	}

	/**
	 * What to look for in the log; every part is optional.
	 *
	 * @param actor exactly this actor
	 * @param action the action contains this (any case)
	 * @param from at or after
	 * @param to before
	 */
	public record Filter(@Nullable String actor, @Nullable String action, @Nullable Instant from,
			@Nullable Instant to) {
	}

}
