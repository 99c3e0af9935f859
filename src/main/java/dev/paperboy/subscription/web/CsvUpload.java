package dev.paperboy.subscription.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import dev.paperboy.subscription.InvalidInputException;

/**
 * An uploaded CSV file's bytes as text, refused when too large or not UTF-8.
 */
final class CsvUpload {

	static final int MAX_BYTES = 20 * 1024 * 1024;

	private CsvUpload() {
	}

	static String text(byte[] bytes) {
		if (bytes.length == 0) {
			throw new InvalidInputException("file",
					"is empty: its first line must be a header such as email,interests");
		}
		if (bytes.length > MAX_BYTES) {
			throw new InvalidInputException("file", "is larger than 20 MB: split it");
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new InvalidInputException("file", "is not UTF-8 text: save it as CSV UTF-8");
		}
	}

}
