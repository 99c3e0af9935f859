package dev.paperboy;

import java.util.Collection;
import java.util.List;

/**
 * PostgreSQL array literals, as the modules' statements take them: as one parameter (a
 * page of ids in one statement), or written into a statement's text where a custom plan
 * matters. Shared by every module, so that quoting is done one way.
 */
public final class SqlArrays {

	private SqlArrays() {
	}

	/**
	 * @param ids some ids
	 * @return them as a bigint[] literal
	 */
	public static String bigints(Collection<Long> ids) {
		StringBuilder literal = new StringBuilder("{");
		for (Long id : ids) {
			literal.append((literal.length() > 1) ? "," : "").append(id.longValue());
		}
		return literal.append('}').toString();
	}

	/**
	 * @param values some texts
	 * @return them as a text[] literal: every element quoted, its quotes and backslashes
	 * escaped
	 */
	public static String texts(List<String> values) {
		StringBuilder literal = new StringBuilder("{");
		for (String value : values) {
			literal.append((literal.length() > 1) ? ",\"" : "\"");
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				if (c == '"' || c == '\\') {
					literal.append('\\');
				}
				literal.append(c);
			}
			literal.append('"');
		}
		return literal.append('}').toString();
	}

}
