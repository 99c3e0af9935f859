package dev.paperboy.matching;

import java.util.ArrayList;
import java.util.List;

/**
 * A subscriber's keywords in web-search syntax ({@code "spiking neural" OR neuromorphic
 * -survey}), split into what to look for and what to exclude. Exclusions are hard
 * filters: a paper that matches one is never picked, however well it scores otherwise.
 *
 * @param terms the positive terms and phrases, in order
 * @param exclusions the excluded terms and phrases
 */
record KeywordQuery(List<String> terms, List<String> exclusions) {

	static KeywordQuery parse(String keywords) {
		List<String> terms = new ArrayList<>();
		List<String> exclusions = new ArrayList<>();
		int i = 0;
		while (i < keywords.length()) {
			char c = keywords.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
				continue;
			}
			boolean negated = c == '-';
			int start = negated ? i + 1 : i;
			String token;
			if (start < keywords.length() && keywords.charAt(start) == '"') {
				int end = keywords.indexOf('"', start + 1);
				end = (end < 0) ? keywords.length() : end;
				token = "\"" + keywords.substring(start + 1, end).strip() + "\"";
				i = end + 1;
			}
			else {
				int end = start;
				while (end < keywords.length() && !Character.isWhitespace(keywords.charAt(end))) {
					end++;
				}
				token = keywords.substring(start, end);
				i = end;
			}
			if (token.isBlank() || token.equals("\"\"") || (!negated && token.equalsIgnoreCase("OR"))) {
				continue;
			}
			(negated ? exclusions : terms).add(token);
		}
		return new KeywordQuery(List.copyOf(terms), List.copyOf(exclusions));
	}

	/**
	 * @return the query without its exclusions, OR between the terms
	 */
	String positive() {
		return String.join(" OR ", this.terms);
	}

	static String label(String term) {
		return term.startsWith("\"") ? term.substring(1, term.length() - 1) : term;
	}

}
