package dev.paperboy.subscription;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the next digest of a subscriber would hold, for the preference centre. The
 * matching module provides it, so subscriptions need not know how papers are picked.
 */
public interface DigestPreview {

	/**
	 * @param subscriber the subscriber
	 * @return the papers, best first
	 */
	Preview preview(Subscriber subscriber);

	/**
	 * A preview.
	 *
	 * @param items the papers
	 * @param trending true when these are simply the period's trending papers
	 */
	record Preview(List<Item> items, boolean trending) {
	}

	/**
	 * One paper of a preview.
	 *
	 * @param key the paper's key
	 * @param title the title
	 * @param url where to read it, if known
	 * @param reasons why it was picked
	 */
	record Item(String key, String title, @Nullable String url, List<String> reasons) {
	}

}
