package dev.paperboy.digest.composition;

import java.util.Collection;

/**
 * PostgreSQL array literals of ids, as the digest tables' statements take them (as a
 * parameter, or written into the statement's text where a custom plan matters).
 */
public final class SqlArrays {

	private SqlArrays() {
	}

	/**
	 * @param ids some ids
	 * @return them as a bigint[] literal
	 */
	public static String array(Collection<Long> ids) {
		StringBuilder literal = new StringBuilder("{");
		for (Long id : ids) {
			literal.append((literal.length() > 1) ? "," : "").append(id.longValue());
		}
		return literal.append('}').toString();
	}

}
