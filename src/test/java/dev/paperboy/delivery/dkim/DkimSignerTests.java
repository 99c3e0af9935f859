package dev.paperboy.delivery.dkim;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.paperboy.delivery.DeliveryProperties;
import dev.paperboy.delivery.mime.RawMimeMessage;
import jakarta.mail.internet.MimeMessage;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.FailException;
import org.junit.jupiter.api.Test;

import static dev.paperboy.delivery.dkim.DkimFixtures.bytes;
import static dev.paperboy.delivery.dkim.DkimFixtures.text;
import static dev.paperboy.delivery.dkim.DkimFixtures.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DkimSignerTests {

	private final DkimSigner signer = new DkimSigner(DkimFixtures.settings(DkimFixtures.KEY), "papers@paperboy.test");

	@Test
	void signsSoThatAnIndependentVerifierAccepts() throws Exception {
		byte[] signed = this.signer.sign(bytes(DkimFixtures.digest()));

		List<SignatureRecord> signatures = verify(signed);

		assertThat(signatures).hasSize(1);
		SignatureRecord signature = signatures.get(0);
		assertThat(signature.getDToken()).hasToString("paperboy.test");
		assertThat(signature.getSelector()).hasToString("test");
		assertThat(signature.getHashKeyType() + "-" + signature.getHashMethod()).isEqualTo("rsa-sha256");
		assertThat(signature.getHeaderCanonicalisationMethod()).isEqualTo("relaxed");
		assertThat(signature.getBodyCanonicalisationMethod()).isEqualTo("relaxed");
		assertThat(signature.getHeaders()).map(CharSequence::toString)
			.containsSubsequence("from", "from", "reply-to", "to", "subject", "date", "message-id", "mime-version",
					"content-type", "list-id", "list-unsubscribe", "list-unsubscribe-post");
		assertThat(text(signed)).startsWith("DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed;\r\n");
		assertThat(text(signed)).doesNotContain("\n\n").doesNotContain("\r\r");
		assertThat(signed).as("the text part goes out in 8 bits")
			.containsSequence("Gedächtnis".getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void signsEveryPresentHeaderOnceMoreThanItOccursAndNoAbsentOne() throws Exception {
		MimeMessage message = DkimFixtures.digest();
		message.removeHeader("Reply-To");
		message.addHeader("List-Id", "Second <second.paperboy.test>");

		SignatureRecord signature = verify(this.signer.sign(bytes(message))).get(0);

		List<String> headers = signature.getHeaders().stream().map(CharSequence::toString).toList();
		assertThat(headers).filteredOn("from"::equals).hasSize(2);
		assertThat(headers).filteredOn("list-unsubscribe"::equals).hasSize(2);
		assertThat(headers).filteredOn("list-id"::equals).hasSize(3);
		assertThat(headers).doesNotContain("reply-to");
	}

	@Test
	void failsOnceListUnsubscribeIsChanged() throws Exception {
		String signed = text(this.signer.sign(bytes(DkimFixtures.digest())));
		String tampered = signed.replace("/unsubscribe/tok3n-abc123>", "/unsubscribe/tok3n-abc124>");

		assertThat(tampered).isNotEqualTo(signed);
		assertThatExceptionOfType(FailException.class).isThrownBy(() -> verify(bytes(tampered)));
	}

	@Test
	void failsOnceTheBodyIsChanged() throws Exception {
		String signed = text(this.signer.sign(bytes(DkimFixtures.digest())));
		String tampered = signed.replace("Attention  and memory", "Attention and memory and more");

		assertThat(tampered).isNotEqualTo(signed);
		assertThatExceptionOfType(FailException.class).isThrownBy(() -> verify(bytes(tampered)))
			.withMessageContaining("body");
	}

	@Test
	void failsOnceASecondFromOrListUnsubscribeIsAdded() throws Exception {
		String signed = text(this.signer.sign(bytes(DkimFixtures.digest())));
		String body = signed.substring(signed.indexOf("\r\n\r\n"));
		String head = signed.substring(0, signed.indexOf("\r\n\r\n"));

		String fromAbove = "From: Mallory <mallory@evil.example>\r\n" + signed;
		String fromBelow = head + "\r\nFrom: Mallory <mallory@evil.example>" + body;
		String unsubscribeBelow = head + "\r\nList-Unsubscribe: <https://evil.example/u>" + body;

		assertThatExceptionOfType(FailException.class).isThrownBy(() -> verify(bytes(fromAbove)));
		assertThatExceptionOfType(FailException.class).isThrownBy(() -> verify(bytes(fromBelow)));
		assertThatExceptionOfType(FailException.class).isThrownBy(() -> verify(bytes(unsubscribeBelow)));
	}

	@Test
	void survivesTheWhitespaceChangesRelaysMake() throws Exception {
		String signed = text(this.signer.sign(bytes(DkimFixtures.digest())));
		String relayed = signed
			.replace("List-Unsubscribe-Post: List-Unsubscribe=One-Click",
					"LIST-UNSUBSCRIBE-POST:   \r\n\t List-Unsubscribe=One-Click  ")
			.replace("<li>Attention  and memory</li>", "<li>Attention \t and memory</li>   ");

		assertThat(relayed).isNotEqualTo(signed);
		assertThat(verify(bytes(relayed + "\r\n\r\n"))).hasSize(1);
	}

	@Test
	void signedMessageIsSentAsSigned() throws Exception {
		byte[] signed = this.signer.sign(bytes(DkimFixtures.digest()));
		RawMimeMessage message = new RawMimeMessage(null, signed, "Paperboy <papers@paperboy.test>",
				"ada@lab.example.org", "digest-1@paperboy.test");

		// what JavaMailSenderImpl does to every message it sends
		message.saveChanges();
		message.setHeader("Message-ID", message.getMessageID());

		assertThat(bytes(message)).isEqualTo(signed);
		assertThat(message.getAllRecipients()).extracting(Object::toString).containsExactly("ada@lab.example.org");
		assertThat(verify(bytes(message))).hasSize(1);
	}

	@Test
	void leavesTheMessageAloneWhenNotConfigured() throws Exception {
		byte[] message = bytes(DkimFixtures.digest());
		DkimSigner off = new DkimSigner(new DeliveryProperties.Dkim(null, "", null, " ", List.of("From")),
				"papers@paperboy.test");

		assertThat(off.sign(message)).isSameAs(message);
		assertThat(text(message)).doesNotContain("DKIM-Signature");
	}

}
