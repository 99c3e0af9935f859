package dev.paperboy.delivery;

import java.io.ByteArrayInputStream;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;

/**
 * A message read back from the bytes it was signed over, and written out as those bytes.
 * Saving changes is what would re-encode it (new boundaries, other transfer encodings)
 * and break the signature, and JavaMailSenderImpl saves every message it sends, so here
 * saving does nothing: the message is final.
 */
final class SignedMimeMessage extends MimeMessage {

	SignedMimeMessage(@Nullable Session session, byte[] signed) throws MessagingException {
		super(session, new ByteArrayInputStream(signed));
	}

	@Override
	public void saveChanges() {
		// final: written as it was signed
	}

}
