package dev.paperboy.digest;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A subscriber's digest as operators look it up: where its delivery stands and what it
 * held.
 *
 * @param id the digest
 * @param period its period
 * @param status where its delivery stands
 * @param trending whether it held trending papers rather than matched ones
 * @param attempts sending attempts so far
 * @param createdAt when it was composed
 * @param sentAt when the SMTP server accepted it
 * @param lastError the last sending error
 * @param papers its papers, in order
 */
public record DigestRecord(long id, String period, DigestStatus status, boolean trending, int attempts,
		Instant createdAt, @Nullable Instant sentAt, @Nullable String lastError, List<PaperLine> papers) {

	/**
	 * A paper of a digest.
	 *
	 * @param key the paper's key
	 * @param title its title (plain text), or its key when the paper is gone
	 * @param url where to read it, if known
	 * @param reasons why it was picked
	 */
	public record PaperLine(String key, String title, @Nullable String url, List<String> reasons) {

	}

	/**
	 * One page of a subscriber's digests, newest first.
	 *
	 * @param digests the digests
	 * @param number the page, from 0
	 * @param hasNext whether older ones follow
	 */
	public record Page(List<DigestRecord> digests, int number, boolean hasNext) {

		public boolean hasPrevious() {
			return this.number > 0;
		}

	}

}
