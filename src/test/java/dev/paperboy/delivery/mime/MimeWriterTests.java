package dev.paperboy.delivery.mime;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.Random;

import dev.paperboy.delivery.OutgoingMail;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messages written by {@link MimeWriter}, read back by Jakarta Mail's parser and
 * decoders.
 */
class MimeWriterTests {

	private static final String ALPHABET = "aZ9 \t=.-_<>&\"'é€漢😀\r\n\n\r~\u0001\u007f";

	private final MimeWriter writer = new MimeWriter("papers@paperboy.test", "Papierjunge Ünïversity",
			"editors@paperboy.test");

	@Test
	void textGoesAsItIsWhenEveryLineFitsWithCrlfLineEnds() {
		Random random = new Random(43);
		for (int round = 0; round < 2000; round++) {
			String text = randomText(random);
			String expected = crlf(text);
			boolean ascii = expected.chars().allMatch((c) -> c < 0x80);
			boolean fits = Arrays.stream(expected.split("\r\n"))
				.allMatch((line) -> line.getBytes(StandardCharsets.UTF_8).length <= 998);
			assertThat(MimeWriter.asIs(text)).as(text).isEqualTo(!fits ? null : ascii ? "7bit" : "8bit");
			MimeWriter.Bytes out = new MimeWriter.Bytes(16);
			MimeWriter.utf8(out, text);
			assertThat(out.toArray()).as(text).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
		}
		// a lone surrogate is U+FFFD, as String.getBytes makes it
		MimeWriter.Bytes out = new MimeWriter.Bytes(16);
		MimeWriter.utf8(out, "a\ud800b");
		assertThat(out.toArray()).isEqualTo("a\ufffdb".getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void aBodyAlreadyEncodedGoesOutAsItsTextWould() {
		Random random = new Random(47);
		for (int round = 0; round < 500; round++) {
			String text = randomText(random);
			String html = randomText(random);
			OutgoingMail strings = new OutgoingMail("reader@example.org", "s", text, html, Map.of(), "m@x");
			OutgoingMail encoded = new OutgoingMail("reader@example.org", "s",
					MailBody.encoded(MailBody.Utf8.of(text), MailBody.Utf8.of(html)), Map.of(), "m@x");
			Instant date = Instant.parse("2026-11-23T07:00:00Z");
			for (boolean eightBit : new boolean[] { true, false }) {
				assertThat(withoutBoundary(this.writer.write(encoded, date, eightBit))).as(text)
					.isEqualTo(withoutBoundary(this.writer.write(strings, date, eightBit)));
			}
			assertThat(encoded.text()).isEqualTo(crlf(text));
		}
	}

	private static String withoutBoundary(byte[] raw) {
		return new String(raw, StandardCharsets.UTF_8).replaceAll("=_pb_[0-9a-f]+", "=_pb_");
	}

	@Test
	void aLineLongerThanSmtpAllowsOrANulMakesThePartQuotedPrintable() {
		assertThat(MimeWriter.asIs("x".repeat(998) + "\n" + "y".repeat(998))).isEqualTo("7bit");
		assertThat(MimeWriter.asIs("x".repeat(999))).isNull();
		// octets, not characters: 499 two-octet characters are 998 octets, one more is
		// too many
		assertThat(MimeWriter.asIs("é".repeat(499))).isEqualTo("8bit");
		assertThat(MimeWriter.asIs("é".repeat(499) + "x")).isNull();
		assertThat(MimeWriter.asIs("😀".repeat(249) + "xx")).isEqualTo("8bit");
		assertThat(MimeWriter.asIs("😀".repeat(249) + "xxx")).isNull();
		// a lone surrogate goes as U+FFFD, three octets
		assertThat(MimeWriter.asIs("\ud800".repeat(332) + "xx")).isEqualTo("8bit");
		assertThat(MimeWriter.asIs("\ud800".repeat(332) + "xxx")).isNull();
		assertThat(MimeWriter.asIs("a\u0000b")).isNull();
	}

	@Test
	void anEightBitMessageSaysHowEachPartGoesAndParsesBack() throws Exception {
		String text = "Plain ASCII text\nover two lines";
		String html = "<p>Ünïcode — “quoted” 漢字 😀</p>\n<p>" + "long ".repeat(150) + "</p>";
		OutgoingMail mail = new OutgoingMail("reader@example.org", "Ünïcode subject", text, html, Map.of(), "m-1@x");
		byte[] raw = this.writer.write(mail, Instant.parse("2026-11-23T07:00:00Z"), true);
		String wire = new String(raw, StandardCharsets.UTF_8);
		assertThat(wire).contains("Content-Transfer-Encoding: 7bit\r\n\r\nPlain ASCII text\r\nover two lines\r\n")
			.contains("Content-Transfer-Encoding: 8bit\r\n\r\n<p>Ünïcode — “quoted” 漢字 😀</p>\r\n");
		MimeMessage parsed = new MimeMessage(null, new ByteArrayInputStream(raw));
		MimeMultipart parts = (MimeMultipart) parsed.getContent();
		assertThat(parts.getBodyPart(0).getContent()).isEqualTo(text.replace("\n", "\r\n"));
		assertThat(parts.getBodyPart(1).getContent()).isEqualTo(html.replace("\n", "\r\n"));
		// 1,500 octets on one line: that part goes quoted-printable all the same
		OutgoingMail longLine = new OutgoingMail("reader@example.org", "s", text, "<p>" + "x".repeat(1500) + "</p>",
				Map.of(), "m-2@x");
		assertThat(new String(this.writer.write(longLine, Instant.now(), true), StandardCharsets.UTF_8))
			.contains("Content-Transfer-Encoding: 7bit")
			.contains("Content-Transfer-Encoding: quoted-printable");
	}

	@Test
	void foldsHeadersAsJakartaMailDoes() {
		Random random = new Random(7);
		String[] pieces = { "a", "word", "Ünïversity", "=?UTF-8?Q?Papierjunge_=C3=9Cn?=", " ", "  ", "\t", " \t ",
				"<https://papers.example.org/unsubscribe/" + "x".repeat(60) + ">", ",", "\"quoted\"" };
		for (int round = 0; round < 5000; round++) {
			StringBuilder value = new StringBuilder();
			int count = random.nextInt(40);
			for (int i = 0; i < count; i++) {
				value.append(pieces[random.nextInt(pieces.length)]);
			}
			int used = 2 + random.nextInt(30);
			assertThat(MimeWriter.fold(used, value.toString())).as("[%s] after %d", value, used)
				.isEqualTo(MimeUtility.fold(used, value.toString()));
		}
	}

	@Test
	void quotedPrintableDecodesToTheTextWithCrlfLineEndsAndKeepsLinesShort() throws Exception {
		Random random = new Random(42);
		for (int round = 0; round < 2000; round++) {
			String text = randomText(random);
			MimeWriter.Bytes out = new MimeWriter.Bytes(16);
			MimeWriter.quotedPrintable(out, text);
			byte[] encoded = out.toArray();

			String expected = crlf(text);
			try (InputStream decoded = MimeUtility.decode(new ByteArrayInputStream(encoded), "quoted-printable")) {
				assertThat(new String(decoded.readAllBytes(), StandardCharsets.UTF_8)).as(text).isEqualTo(expected);
			}
			for (String line : new String(encoded, StandardCharsets.US_ASCII).split("\r\n", -1)) {
				assertThat(line.length()).as(line).isLessThanOrEqualTo(76);
				assertThat(line).as("printable ASCII only").matches("[\\x21-\\x7e \\t]*");
				assertThat(line).as("no white space at a line's end").doesNotMatch(".*[ \\t]");
			}
		}
	}

	@Test
	void foldsLongEncodedSubjectsIntoShortLinesThatDecodeBack() throws Exception {
		String subject = "Trending: Über die Aufmerksamkeit in großen Sprachmodellen — ".repeat(6).strip();
		byte[] raw = this.writer.write(new OutgoingMail("ada@lab.example.org", subject, "text", "<p>html</p>", Map.of(),
				"digest-8.abc@paperboy.test"), Instant.parse("2026-11-29T08:05:09Z"));

		String wire = new String(raw, StandardCharsets.US_ASCII);
		String head = wire.substring(0, wire.indexOf("\r\n\r\n"));
		assertThat(head).doesNotContainPattern("[^\\r]\\n").doesNotContainPattern("\\r[^\\n]");
		assertThat(head.split("\r\n")).allSatisfy((line) -> assertThat(line.length()).isLessThanOrEqualTo(78));
		MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
		assertThat(message.getSubject()).isEqualTo(subject);
	}

	@Test
	void givesAMessageWithoutAnIdAFreshOneInTheSendersDomain() throws Exception {
		OutgoingMail mail = new OutgoingMail("ada@lab.example.org", "Confirm", "text", "<p>html</p>", Map.of(), null);
		String first = messageId(this.writer.write(mail, Instant.now()));
		String second = messageId(this.writer.write(mail, Instant.now()));

		assertThat(first).matches("<[0-9a-f-]{36}@paperboy\\.test>");
		assertThat(second).matches("<[0-9a-f-]{36}@paperboy\\.test>").isNotEqualTo(first);
	}

	private static String messageId(byte[] raw) throws Exception {
		return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)).getMessageID();
	}

	@Test
	void writesAMessageJakartaMailReadsBack() throws Exception {
		String text = "Your papers\n\nDéjà vu: attention ≠ memory 😀\n" + "x".repeat(200) + "\n.leading dot\n";
		String html = "<p>Déjà vu — <a href=\"https://papers.example.org/x?a=1&amp;b=2\">link</a></p>\n";
		String unsubscribe = "<https://papers.example.org/unsubscribe/" + "t".repeat(150)
				+ ">, <mailto:unsubscribe@paperboy.test?subject=unsubscribe>";
		byte[] raw = this.writer.write(
				new OutgoingMail("ada@lab.example.org", "Trending: Über attention · 10 papers", text, html,
						Map.of("List-Unsubscribe", unsubscribe, "List-Unsubscribe-Post", "List-Unsubscribe=One-Click",
								"List-Id", "\"Paperboy digest\" <digest.paperboy.test>"),
						"digest-7.abc@paperboy.test"),
				Instant.parse("2026-11-29T08:05:09Z"));

		String wire = new String(raw, StandardCharsets.US_ASCII);
		assertThat(wire).as("ASCII only, CRLF line ends").doesNotContain("\uFFFD").doesNotContainPattern("[^\\r]\\n");
		assertThat(wire.split("\r\n")).allSatisfy((line) -> assertThat(line.length()).isLessThanOrEqualTo(998));
		MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
		assertThat(message.getFrom()).containsExactly(
				new InternetAddress("papers@paperboy.test", "Papierjunge Ünïversity", StandardCharsets.UTF_8.name()));
		assertThat(((InternetAddress) message.getFrom()[0]).getPersonal()).isEqualTo("Papierjunge Ünïversity");
		assertThat(message.getReplyTo()).containsExactly(new InternetAddress("editors@paperboy.test"));
		assertThat(message.getAllRecipients()).containsExactly(new InternetAddress("ada@lab.example.org"));
		assertThat(message.getSubject()).isEqualTo("Trending: Über attention · 10 papers");
		assertThat(message.getMessageID()).isEqualTo("<digest-7.abc@paperboy.test>");
		assertThat(message.getSentDate()).isEqualTo(Instant.parse("2026-11-29T08:05:09Z"));
		assertThat(MimeUtility.unfold(message.getHeader("List-Unsubscribe", null))).isEqualTo(unsubscribe);
		assertThat(message.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
		assertThat(message.getHeader("MIME-Version", null)).isEqualTo("1.0");
		assertThat(message.getContentType()).startsWith("multipart/alternative");

		Multipart parts = (Multipart) message.getContent();
		assertThat(parts.getCount()).isEqualTo(2);
		Part plain = parts.getBodyPart(0);
		Part rich = parts.getBodyPart(1);
		assertThat(plain.isMimeType("text/plain")).isTrue();
		assertThat(rich.isMimeType("text/html")).isTrue();
		assertThat(plain.getContent()).isEqualTo(text.replace("\n", "\r\n"));
		assertThat(rich.getContent()).isEqualTo(html.replace("\n", "\r\n"));
	}

	// Up to 12 runs of one character of the alphabet each: long runs reach every column
	// of a line.
	static String randomText(Random random) {
		String[] units = ALPHABET.codePoints().mapToObj(Character::toString).toArray(String[]::new);
		StringBuilder text = new StringBuilder();
		int runs = random.nextInt(12);
		for (int i = 0; i < runs; i++) {
			text.append(units[random.nextInt(units.length)].repeat(1 + random.nextInt(90)));
		}
		return text.toString();
	}

	// The text with every line break (CRLF, LF or CR) made CRLF.
	private static String crlf(String text) {
		return text.replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\r\n");
	}

}
