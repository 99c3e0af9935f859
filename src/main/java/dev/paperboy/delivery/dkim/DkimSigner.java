package dev.paperboy.delivery.dkim;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.paperboy.delivery.DeliveryProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.MailPreparationException;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Signs outgoing mail with DKIM (RFC 6376, RSA-SHA256, relaxed/relaxed) when a domain, a
 * selector and a key are configured, for operators who send directly rather than through
 * a relay that signs. Checked at startup: half a configuration, or a key that is not RSA
 * of at least 1024 bits (RFC 8301), stops the application.
 */
@Component
public class DkimSigner {

	private static final Logger log = LoggerFactory.getLogger(DkimSigner.class);

	private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");

	private final @Nullable DkimSignature signature;

	@Autowired
	DkimSigner(DeliveryProperties properties) {
		this(properties.dkim(), properties.from());
	}

	public DkimSigner(DeliveryProperties.Dkim settings, String from) {
		this.signature = settings.configured() ? signature(settings, from) : null;
	}

	/**
	 * @return whether messages are signed
	 */
	public boolean signs() {
		return this.signature != null;
	}

	/**
	 * A complete message as it is to be sent: signed when DKIM is configured.
	 * @param message the message's bytes
	 * @return the signed message's bytes (the DKIM-Signature header, then the message
	 * with its line ends as they go on the wire), or the message itself when DKIM is not
	 * configured
	 * @throws MailPreparationException when the message cannot be signed
	 */
	public byte[] sign(byte[] message) {
		if (this.signature == null) {
			return message;
		}
		try {
			// line ends as they go on the wire: SMTP turns every bare CR or LF into CRLF
			String unsigned = LINE_BREAK.matcher(new String(message, StandardCharsets.ISO_8859_1)).replaceAll("\r\n");
			String header = this.signature.header(unsigned, System.currentTimeMillis() / 1000);
			return (header + "\r\n" + unsigned).getBytes(StandardCharsets.ISO_8859_1);
		}
		catch (GeneralSecurityException ex) {
			throw new MailPreparationException("Cannot sign the message: " + ex.getMessage(), ex);
		}
	}

	private static DkimSignature signature(DeliveryProperties.Dkim settings, String from) {
		List<String> missing = new ArrayList<>();
		if (!StringUtils.hasText(settings.domain())) {
			missing.add("domain");
		}
		if (!StringUtils.hasText(settings.selector())) {
			missing.add("selector");
		}
		if (settings.privateKeyFile() == null && !StringUtils.hasText(settings.privateKey())) {
			missing.add("private-key-file (or private-key)");
		}
		if (!missing.isEmpty()) {
			throw new IllegalStateException("DKIM signing is half configured: set paperboy.delivery.dkim."
					+ String.join(", ", missing) + " as well, or none of domain, selector and key");
		}
		if (settings.signedHeaders().stream().noneMatch("From"::equalsIgnoreCase)) {
			throw new IllegalStateException("paperboy.delivery.dkim.signed-headers must include From (RFC 6376)");
		}
		DkimKey key = DkimKey.load(settings.privateKeyFile(), settings.privateKey());
		if (key.bits() < 1024) {
			throw new IllegalStateException("The DKIM key has " + key.bits() + " bits: receivers ignore signatures "
					+ "from RSA keys under 1024 bits (RFC 8301); use a 2048-bit key");
		}
		if (key.bits() < 2048) {
			log.warn("The DKIM key has {} bits: 2048 is recommended", key.bits());
		}
		String domain = settings.domain().toLowerCase(Locale.ROOT);
		String fromDomain = from.substring(from.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
		if (!fromDomain.equals(domain) && !fromDomain.endsWith("." + domain)) {
			log.warn("Mail comes from {} but is signed for {}: DMARC counts a DKIM signature only when the From "
					+ "domain is the signing domain or a subdomain of it", fromDomain, domain);
		}
		log.info(
				"Signing mail with DKIM as d={}, s={} ({}-bit RSA key); publish this TXT record at "
						+ "{}._domainkey.{}: {}",
				settings.domain(), settings.selector(), key.bits(), settings.selector(), settings.domain(),
				(key.dnsRecord() != null) ? key.dnsRecord() : "(cannot derive the public key)");
		return new DkimSignature(settings.domain(), settings.selector(), key.privateKey(), settings.signedHeaders());
	}

}
