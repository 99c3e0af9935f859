package dev.paperboy.delivery.mime;

import java.util.Random;

import dev.paperboy.delivery.MailTemplates;
import org.junit.jupiter.api.Test;
import org.unbescape.html.HtmlEscape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Stencils filled by hand-made outputs: each slot escaped as its marker was, links with
 * their scheme, {@code #mail.wrap} deferred to the filled text.
 */
class MailStencilTests {

	@Test
	void escapesEachValueAsItsMarkerWasEscaped() {
		MailStencil.Slots slots = new MailStencil.Slots();
		String name = slots.text();
		String link = slots.link();
		String html = "<p>" + HtmlEscape.escapeHtml4Xml(name) + "</p><a href=\"" + HtmlEscape.escapeHtml4Xml(link)
				+ "\">x</a>" + name;
		String text = "Hello " + name + ", " + link + "\n";
		MailStencil stencil = stencil(slots, text, html);

		MailTemplates.Rendered filled = stencil
			.fill(new String[] { "<b>Bea</b> & \"co\" 'x'", "https://lab.example.org/u?a=1&b=2" });
		assertThat(filled.html()).isEqualTo("<p>&lt;b&gt;Bea&lt;/b&gt; &amp; &quot;co&quot; &#39;x&#39;</p>"
				+ "<a href=\"https://lab.example.org/u?a=1&amp;b=2\">x</a><b>Bea</b> & \"co\" 'x'");
		assertThat(filled.text()).isEqualTo("Hello <b>Bea</b> & \"co\" 'x', https://lab.example.org/u?a=1&b=2\n");
	}

	@Test
	void wrapsTheFilledTextWhereTheTemplatesWrappedAMarker() {
		MailStencil.Slots slots = new MailStencil.Slots();
		String why = slots.text();
		String text;
		MailStencil stencil;
		try (MailStencil.Recording recording = MailStencil.record()) {
			text = "1. Title\n" + MailText.INSTANCE.wrap("Why: " + why, "   ", "   ") + "\n";
			assertThat(text).doesNotContain("Why");
			stencil = MailStencil.of(new MailTemplates.Rendered(text, "<p></p>"), recording, slots);
		}
		String reasons = "matches your keyword 'memory' · by Grace Hopper, whom you follow · close to your"
				+ " interest in 'sparse attention for long documents'";
		assertThat(stencil.fill(new String[] { reasons }).text())
			.isEqualTo("1. Title\n" + MailText.INSTANCE.wrap("Why: " + reasons, "   ", "   ") + "\n")
			.contains("\n   ");
		assertThat(MailText.INSTANCE.wrap("Why: " + why, "", "")).as("no stencil rendering: wrapped as it is")
			.isEqualTo("Why: " + why);
	}

	@Test
	void aLinkMarkerIsAWebLinkWhileAStencilRenders() {
		MailStencil.Slots slots = new MailStencil.Slots();
		String text = slots.text();
		String link = slots.link();
		try (MailStencil.Recording recording = MailStencil.record()) {
			assertThat(MailText.INSTANCE.isWebLink(link)).isTrue();
			assertThatExceptionOfType(MailStencil.NotStencilable.class)
				.isThrownBy(() -> MailText.INSTANCE.isWebLink("https://" + text + "/x"));
			assertThatExceptionOfType(MailStencil.NotStencilable.class).isThrownBy(() -> MailText.INSTANCE.lines(text));
		}
		assertThat(MailText.INSTANCE.isWebLink("https://" + text + "/x")).isTrue();
	}

	@Test
	void refusesOutputsItCannotFill() {
		MailStencil.Slots slots = new MailStencil.Slots();
		String name = slots.text();
		String link = slots.link();
		assertThatExceptionOfType(MailStencil.NotStencilable.class)
			.isThrownBy(() -> stencil(slots, "by " + MailStencil.Slots.UNSLOTTED, ""));
		assertThatExceptionOfType(MailStencil.NotStencilable.class).as("a marker cut short")
			.isThrownBy(() -> stencil(slots, name.substring(0, name.length() - 1), ""));
		assertThatExceptionOfType(MailStencil.NotStencilable.class).as("a link without its scheme")
			.isThrownBy(() -> stencil(slots, link.substring("https://".length()), ""));
		assertThatExceptionOfType(MailStencil.NotStencilable.class).as("a slot that does not exist")
			.isThrownBy(() -> stencil(new MailStencil.Slots(), name, ""));
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> stencil(slots, name, "").fill(new String[] { "one" }));
	}

	@Test
	void encodesPieceByPieceTheBytesOfTheFilledText() {
		Random random = new Random(53);
		int encoded = 0;
		for (int round = 0; round < 1000; round++) {
			MailStencil.Slots slots = new MailStencil.Slots();
			int count = 1 + random.nextInt(6);
			String[] markers = new String[count];
			for (int i = 0; i < count; i++) {
				markers[i] = random.nextBoolean() ? slots.text() : slots.link();
			}
			MailStencil stencil = stencil(slots, output(random, markers), output(random, markers));
			String[] values = new String[count];
			MailStencil.Chunk[] chunks = new MailStencil.Chunk[count];
			for (int i = 0; i < count; i++) {
				values[i] = (random.nextInt(4) == 0) ? "" : MimeWriterTests.randomText(random);
				if (random.nextBoolean()) {
					chunks[i] = MailStencil.Chunk.of(values[i]);
				}
			}
			MailTemplates.Rendered filled = stencil.fill(values);
			MailBody body = stencil.encode(values, chunks);
			if (body != null) {
				encoded++;
				assertThat(body.sameAs(filled.text(), filled.html())).as("round %d", round).isTrue();
				assertThat(body.html()).isEqualTo(MailBody.Utf8.of(filled.html()).string());
			}
		}
		// the rest had a CR before an LF, or a high surrogate before a low one, across
		// a slot's edge
		assertThat(encoded).isGreaterThan(600);
	}

	// Random text around the markers, each raw or escaped
	private static String output(Random random, String[] markers) {
		StringBuilder output = new StringBuilder(MimeWriterTests.randomText(random));
		for (String marker : markers) {
			output.append(random.nextBoolean() ? marker : HtmlEscape.escapeHtml4Xml(marker));
			output.append((random.nextInt(8) == 0) ? "\ud800" : "").append(MimeWriterTests.randomText(random));
		}
		return output.toString();
	}

	private static MailStencil stencil(MailStencil.Slots slots, String text, String html) {
		try (MailStencil.Recording recording = MailStencil.record()) {
			return MailStencil.of(new MailTemplates.Rendered(text, html), recording, slots);
		}
	}

}
