package dev.paperboy.delivery.mime;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import dev.paperboy.delivery.MailTemplates;
import org.jspecify.annotations.Nullable;
import org.unbescape.html.HtmlEscape;

import org.springframework.modulith.NamedInterface;

/**
 * A message rendered once for many recipients: the output of its two templates with slots
 * where each recipient's own values go, to be filled per recipient without running the
 * templates again.
 * <p>
 * The templates render once with a marker in place of each recipient's value. A marker
 * holds an {@code &}, so the output shows whether it went out escaped ({@code th:text},
 * {@code th:href}) or as it is ({@code th:utext}, {@code [(...)]}), and filling escapes
 * each value the same way. {@code #mail.wrap} over a marker is deferred: it wraps the
 * filled text. A link slot's marker is a web link, so {@code #mail.isWebLink} passes it,
 * as it would the link. A value outside the slots ({@link Slots#UNSLOTTED}) must not show
 * in the output. Anything else a template does with a value (its length, a substring, a
 * comparison) the stencil cannot reproduce: the caller compares a stencil's output with a
 * full rendering before relying on it.
 * <p>
 * Longer than 400 lines because recording, parsing and filling share one marker format
 * and are only correct together.
 */
// Part of delivery's named interface "mime": digest renders its emails with it.
@NamedInterface("mime")
public final class MailStencil {

	private static final char SLOT = '\uE000';

	private static final char SLOT_END = '\uE001';

	private static final char DEFERRED = '\uE002';

	private static final char DEFERRED_END = '\uE003';

	private static final char UNSLOTTED = '\uE004';

	private static final String LINK = "https://";

	private static final ThreadLocal<Recording> RECORDING = new ThreadLocal<>();

	private final Part text;

	private final Part html;

	private final Deferred[] deferred;

	private final int slots;

	private volatile int textSize;

	private volatile int htmlSize;

	private MailStencil(Part text, Part html, Deferred[] deferred, int slots) {
		this.text = text;
		this.html = html;
		this.deferred = deferred;
		this.slots = slots;
	}

	/**
	 * @param values each slot's value, by index
	 * @return the message with these values
	 */
	public MailTemplates.Rendered fill(String[] values) {
		if (values.length != this.slots) {
			throw new IllegalArgumentException("expected " + this.slots + " values, got " + values.length);
		}
		String[] wrapped = wrapped(values);
		return new MailTemplates.Rendered(this.text.fill(values, wrapped), this.html.fill(values, wrapped));
	}

	/**
	 * The message with these values, as the bytes of its parts when the server takes
	 * 8-bit mail: the stencil's fixed text was encoded once, and only the values are
	 * encoded here.
	 * @param values each slot's value, by index
	 * @param chunks for some of the slots, their value already encoded (see
	 * {@link Chunk#of}), else null
	 * @return the body, or null when these values cannot be encoded piece by piece (a CR
	 * and an LF, or the two halves of a surrogate pair, on either side of a slot's edge:
	 * the caller fills the text instead)
	 */
	public @Nullable MailBody encode(String[] values, @Nullable Chunk[] chunks) {
		if (values.length != this.slots || chunks.length != this.slots) {
			throw new IllegalArgumentException("expected " + this.slots + " values, got " + values.length);
		}
		String[] wrapped = wrapped(values);
		MailBody.Utf8 text = this.text.encode(values, chunks, wrapped, this.textSize);
		MailBody.Utf8 html = (text != null) ? this.html.encode(values, chunks, wrapped, this.htmlSize) : null;
		if (html == null) {
			return null;
		}
		// the next message of this stencil is about as long: a buffer that need not grow
		this.textSize = text.length() + text.length() / 8 + 256;
		this.htmlSize = html.length() + html.length() / 8 + 256;
		return MailBody.encoded(text, html);
	}

	private String[] wrapped(String[] values) {
		String[] wrapped = new String[this.deferred.length];
		for (int i = 0; i < wrapped.length; i++) {
			Deferred wrap = this.deferred[i];
			wrapped[i] = MailText.INSTANCE.wrap(wrap.text.fill(values, wrapped), wrap.prefix.fill(values, wrapped),
					wrap.indent.fill(values, wrapped));
		}
		return wrapped;
	}

	/**
	 * A text encoded once as it goes on the wire (UTF-8, CRLF line ends), with what its
	 * lines are like, to be copied into many messages.
	 */
	@NamedInterface("mime")
	public static final class Chunk {

		final byte[] bytes;

		final int length;

		final boolean ascii;

		final boolean nul;

		// whether it holds a line break; the octets before the first and after the last;
		// the longest line it ends
		final boolean breaks;

		final int head;

		final int tail;

		final int longest;

		// its first and last characters (see joins)
		final char first;

		final char last;

		private Chunk(String text) {
			MimeWriter.Bytes out = new MimeWriter.Bytes(text.length() + text.length() / 8 + 64);
			MimeWriter.utf8(out, text);
			this.bytes = out.toArray();
			this.length = this.bytes.length;
			MailBody.Lines lines = new MailBody.Lines();
			lines.scan(this.bytes, 0, this.length);
			this.breaks = lines.head >= 0;
			this.head = this.breaks ? lines.head : this.length;
			this.tail = lines.line;
			this.longest = lines.longest;
			this.nul = lines.nul;
			this.ascii = lines.ascii;
			this.first = text.isEmpty() ? 0 : text.charAt(0);
			this.last = text.isEmpty() ? 0 : text.charAt(text.length() - 1);
		}

		/**
		 * Whether two texts encoded one after the other would differ from the two encoded
		 * as one: a CR and an LF are one line break, two surrogates one character.
		 */
		static boolean joins(char last, char first) {
			return (last == '\r' && first == '\n')
					|| (Character.isHighSurrogate(last) && Character.isLowSurrogate(first));
		}

		/**
		 * @param text a value that many messages hold as it is (not escaped)
		 * @return it, encoded
		 */
		public static Chunk of(String text) {
			return new Chunk(text);
		}

	}

	/**
	 * The markers a stencil's variables hold instead of a recipient's values.
	 */
	@NamedInterface("mime")
	public static final class Slots {

		/**
		 * A value that is the same for every recipient of a stencil in the templates'
		 * eyes but must not show in its output (a stencil showing it cannot be filled).
		 */
		public static final String UNSLOTTED = String.valueOf(MailStencil.UNSLOTTED);

		private final BitSet links = new BitSet();

		private int count;

		/**
		 * @return the marker of the next slot, for plain text
		 */
		public String text() {
			return marker(SLOT, this.count++);
		}

		/**
		 * @return the marker of the next slot, for a web link
		 */
		public String link() {
			this.links.set(this.count);
			return LINK + marker(SLOT, this.count++);
		}

		/**
		 * @return how many slots there are
		 */
		public int count() {
			return this.count;
		}

	}

	/** Thrown when templates do with a marker what a stencil cannot reproduce. */
	@NamedInterface("mime")
	public static final class NotStencilable extends RuntimeException {

		NotStencilable(String message) {
			super(message);
		}

	}

	public static MailStencil of(MailTemplates.Rendered rendered, Recording recording, Slots slots) {
		Deferred[] deferred = new Deferred[recording.deferred.size()];
		for (int i = 0; i < deferred.length; i++) {
			String[] wrap = recording.deferred.get(i);
			// a wrap refers to the ones recorded before it only
			deferred[i] = new Deferred(Part.parse(wrap[0], slots, i), Part.parse(wrap[1], slots, i),
					Part.parse(wrap[2], slots, i));
		}
		return new MailStencil(Part.parse(rendered.text(), slots, deferred.length),
				Part.parse(rendered.html(), slots, deferred.length), deferred, slots.count);
	}

	public static Recording record() {
		Recording recording = new Recording();
		RECORDING.set(recording);
		return recording;
	}

	/**
	 * @return the stencil rendering in progress on this thread, or null
	 */
	static Recording recording() {
		return RECORDING.get();
	}

	private static String marker(char kind, int index) {
		return kind + Integer.toString(index) + "&" + ((kind == SLOT) ? SLOT_END : DEFERRED_END);
	}

	/** What {@code #mail} saw while a stencil rendered. */
	public static final class Recording implements AutoCloseable {

		private final List<String[]> deferred = new ArrayList<>();

		static boolean marked(String value) {
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				if (c >= SLOT && c <= UNSLOTTED) {
					return true;
				}
			}
			return false;
		}

		/**
		 * @return a marker standing for the wrapped text, once filled
		 */
		String defer(String text, String prefix, String indent) {
			this.deferred.add(new String[] { text, prefix, indent });
			return marker(DEFERRED, this.deferred.size() - 1);
		}

		/**
		 * @return whether the value is a link slot's marker, and nothing else
		 */
		static boolean isLinkMarker(String value) {
			if (!value.startsWith(LINK) || value.length() < LINK.length() + 4 || value.charAt(LINK.length()) != SLOT
					|| !value.endsWith("&" + SLOT_END)) {
				return false;
			}
			for (int i = LINK.length() + 1; i < value.length() - 2; i++) {
				if (value.charAt(i) < '0' || value.charAt(i) > '9') {
					return false;
				}
			}
			return true;
		}

		@Override
		public void close() {
			RECORDING.remove();
		}

	}

	private record Deferred(Part text, Part prefix, Part indent) {
	}

	/**
	 * One part's output: literal text between slots. {@code slots[i]} goes between
	 * {@code literals[i]} and {@code literals[i + 1]}: a slot's index, or a deferred
	 * wrap's with {@link #DEFERRED_BIT}, and {@link #ESCAPED_BIT} when it is escaped.
	 */
	private record Part(String[] literals, Chunk[] chunks, int[] slots, int length) {

		private static final int DEFERRED_BIT = 1 << 30;

		private static final int ESCAPED_BIT = 1 << 29;

		static Part parse(String output, Slots slots, int deferred) {
			List<String> literals = new ArrayList<>();
			List<Integer> found = new ArrayList<>();
			int length = 0;
			int start = 0;
			int i = 0;
			while (i < output.length()) {
				char c = output.charAt(i);
				if (c != SLOT && c != DEFERRED) {
					if (c > SLOT && c <= UNSLOTTED) {
						throw new NotStencilable("a value outside the slots, or part of a marker, is in the output");
					}
					i++;
					continue;
				}
				int digits = i + 1;
				while (digits < output.length() && output.charAt(digits) >= '0' && output.charAt(digits) <= '9'
						&& digits - i < 8) {
					digits++;
				}
				if (digits == i + 1) {
					throw new NotStencilable("a marker without its number");
				}
				int index = Integer.parseInt(output, i + 1, digits, 10);
				char end = (c == SLOT) ? SLOT_END : DEFERRED_END;
				boolean escaped;
				int next;
				if (output.startsWith("&" + end, digits)) {
					escaped = false;
					next = digits + 2;
				}
				else if (output.startsWith("&amp;" + end, digits)) {
					escaped = true;
					next = digits + 6;
				}
				else {
					throw new NotStencilable("a marker changed by the templates");
				}
				String literal = literalBefore(output.substring(start, i), c, index, slots, deferred);
				literals.add(literal);
				length += literal.length();
				found.add(index | ((c == DEFERRED) ? DEFERRED_BIT : 0) | (escaped ? ESCAPED_BIT : 0));
				start = next;
				i = next;
			}
			literals.add(output.substring(start));
			length += output.length() - start;
			return new Part(literals.toArray(String[]::new), literals.stream().map(Chunk::of).toArray(Chunk[]::new),
					found.stream().mapToInt(Integer::intValue).toArray(), length);
		}

		// The literal text before a marker, checked against the slots: before a link's
		// slot, without the scheme the template wrote in front of the marker.
		private static String literalBefore(String literal, char marker, int index, Slots slots, int deferred) {
			if (marker == SLOT) {
				if (index >= slots.count) {
					throw new NotStencilable("no slot " + index);
				}
				if (slots.links.get(index)) {
					if (!literal.endsWith(LINK)) {
						throw new NotStencilable("a link's marker without its scheme");
					}
					return literal.substring(0, literal.length() - LINK.length());
				}
			}
			else if (index >= deferred) {
				throw new NotStencilable("no wrapped text " + index);
			}
			return literal;
		}

		String fill(String[] values, String[] wrapped) {
			if (this.slots.length == 0) {
				return this.literals[0];
			}
			StringBuilder out = new StringBuilder(this.length + this.length / 4 + 256);
			for (int i = 0; i < this.slots.length; i++) {
				out.append(this.literals[i]);
				int slot = this.slots[i];
				int index = slot & (ESCAPED_BIT - 1);
				String value = ((slot & DEFERRED_BIT) != 0) ? wrapped[index] : values[index];
				out.append(((slot & ESCAPED_BIT) != 0) ? HtmlEscape.escapeHtml4Xml(value) : value);
			}
			out.append(this.literals[this.slots.length]);
			return out.toString();
		}

		MailBody.@Nullable Utf8 encode(String[] values, @Nullable Chunk[] chunks, String[] wrapped, int size) {
			Encoder out = new Encoder(Math.max(size, this.length + this.length / 4 + 256));
			for (int i = 0; i < this.slots.length; i++) {
				int slot = this.slots[i];
				int index = slot & (ESCAPED_BIT - 1);
				boolean escaped = (slot & ESCAPED_BIT) != 0;
				Chunk chunk = ((slot & DEFERRED_BIT) == 0 && !escaped) ? chunks[index] : null;
				String value = ((slot & DEFERRED_BIT) != 0) ? wrapped[index] : values[index];
				if (!out.add(this.chunks[i])) {
					return null;
				}
				boolean added = (chunk != null) ? out.add(chunk)
						: out.add(escaped ? HtmlEscape.escapeHtml4Xml(value) : value);
				if (!added) {
					return null;
				}
			}
			return out.add(this.chunks[this.slots.length]) ? out.done() : null;
		}

	}

	/**
	 * A part's bytes, written a piece at a time, with what its lines are like. A piece
	 * that would join the previous one (see {@link Chunk#joins}) is refused.
	 */
	private static final class Encoder {

		private final MimeWriter.Bytes out;

		private final MailBody.Lines lines = new MailBody.Lines();

		private char last;

		Encoder(int capacity) {
			this.out = new MimeWriter.Bytes(capacity);
		}

		boolean add(Chunk chunk) {
			if (chunk.length == 0) {
				return true;
			}
			if (Chunk.joins(this.last, chunk.first)) {
				return false;
			}
			this.out.bytes(chunk.bytes, chunk.length);
			this.lines.add(chunk);
			this.last = chunk.last;
			return true;
		}

		boolean add(String value) {
			if (value.isEmpty()) {
				return true;
			}
			if (Chunk.joins(this.last, value.charAt(0))) {
				return false;
			}
			int start = this.out.length();
			MimeWriter.utf8(this.out, value);
			this.lines.scan(this.out.array(), start, this.out.length());
			this.last = value.charAt(value.length() - 1);
			return true;
		}

		MailBody.Utf8 done() {
			return new MailBody.Utf8(this.out.array(), this.out.length(), this.lines.ascii, this.lines.fits());
		}

	}

}
