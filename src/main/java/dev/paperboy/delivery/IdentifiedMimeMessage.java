package dev.paperboy.delivery;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;

/**
 * A message that keeps the Message-ID it was given instead of generating one, and is
 * encoded in memory before it is written.
 */
final class IdentifiedMimeMessage extends MimeMessage {

	private final @Nullable String messageId;

	IdentifiedMimeMessage(Session session, @Nullable String messageId) {
		super(session);
		this.messageId = messageId;
	}

	@Override
	protected void updateMessageID() throws MessagingException {
		if (this.messageId != null) {
			setHeader("Message-ID", "<" + this.messageId + ">");
		}
		else {
			super.updateMessageID();
		}
	}

	// Jakarta Mail's encoders write a byte at a time, and on its way to the server
	// each byte passes the SMTP stream's filters and a buffer's lock: several times
	// the cost of the encoding itself. Encoded into memory, the message goes out in
	// one write.
	@Override
	public void writeTo(OutputStream out, String @Nullable [] ignoreList) throws IOException, MessagingException {
		Bytes bytes = new Bytes();
		super.writeTo(bytes, ignoreList);
		out.write(bytes.array, 0, bytes.length);
	}

	/**
	 * A byte array output stream without the locking of
	 * {@link java.io.ByteArrayOutputStream}.
	 */
	private static final class Bytes extends OutputStream {

		private byte[] array = new byte[64 * 1024];

		private int length;

		@Override
		public void write(int b) {
			if (this.length == this.array.length) {
				this.array = Arrays.copyOf(this.array, this.length * 2);
			}
			this.array[this.length++] = (byte) b;
		}

		@Override
		public void write(byte[] b, int off, int len) {
			if (this.length + len > this.array.length) {
				this.array = Arrays.copyOf(this.array, Math.max(this.length + len, this.length * 2));
			}
			System.arraycopy(b, off, this.array, this.length, len);
			this.length += len;
		}

	}

}
