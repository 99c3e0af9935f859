package dev.paperboy.delivery;

/**
 * Every header value built from data goes through here: a CR or LF would let data write
 * headers of its own.
 */
final class HeaderValues {

	private HeaderValues() {
	}

	static void check(String name, String value) {
		if (value == null) {
			throw new IllegalArgumentException(name + " has no value");
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\r' || c == '\n' || (Character.isISOControl(c) && c != '\t')) {
				throw new IllegalArgumentException(name + " contains a line break or control character");
			}
		}
	}

}
