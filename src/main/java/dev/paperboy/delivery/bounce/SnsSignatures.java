package dev.paperboy.delivery.bounce;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import dev.paperboy.delivery.DeliveryProperties;

import org.springframework.stereotype.Component;

/**
 * Verifies Amazon SNS message signatures with the certificate at the message's
 * SigningCertURL, fetched only when the URL matches the configured pattern and kept once
 * fetched (SNS publishes a rotated certificate at a new URL).
 */
@Component
class SnsSignatures {

	private static final int MAX_CERTIFICATE_SIZE = 64 * 1024;

	private static final int MAX_CACHED = 32;

	private final Pattern certUrlPattern;

	private final SnsClient client;

	private final Map<String, X509Certificate> certificates = new ConcurrentHashMap<>();

	SnsSignatures(DeliveryProperties properties, SnsClient client) {
		this.certUrlPattern = Pattern.compile(properties.bounces().ses().certUrlPattern());
		this.client = client;
	}

	/**
	 * Verifies a message's signature.
	 * @param message the message
	 * @throws WebhookException (403) when it does not verify, (502) when the certificate
	 * cannot be fetched
	 */
	void verify(SnsMessage message) {
		String algorithm = switch (message.signatureVersion()) {
			case "1" -> "SHA1withRSA";
			case "2" -> "SHA256withRSA";
			default -> throw WebhookException.forbidden("SignatureVersion is neither 1 nor 2.");
		};
		X509Certificate certificate = certificate(message.signingCertUrl());
		try {
			certificate.checkValidity();
		}
		catch (CertificateException ex) {
			throw WebhookException.forbidden("The signing certificate is not valid now.");
		}
		try {
			Signature verifier = Signature.getInstance(algorithm);
			verifier.initVerify(certificate.getPublicKey());
			verifier.update(message.stringToSign());
			if (!verifier.verify(Base64.getDecoder().decode(message.signature()))) {
				throw WebhookException.forbidden("The Amazon SNS signature does not verify.");
			}
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw WebhookException.forbidden("The Amazon SNS signature does not verify.");
		}
	}

	/**
	 * Whether a URL is on the same scheme, host and port as a signing certificate URL
	 * that matched the pattern: where SNS subscriptions are confirmed.
	 * @param url the URL
	 * @param certUrl a checked signing certificate URL
	 * @return whether to GET it
	 */
	static boolean sameOrigin(String url, String certUrl) {
		try {
			URI uri = new URI(url);
			URI cert = new URI(certUrl);
			return uri.getRawUserInfo() == null && uri.getHost() != null
					&& lower(uri.getScheme()).equals(lower(cert.getScheme()))
					&& lower(uri.getHost()).equals(lower(cert.getHost())) && uri.getPort() == cert.getPort();
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private X509Certificate certificate(String url) {
		if (!this.certUrlPattern.matcher(url).matches()) {
			throw WebhookException
				.forbidden("SigningCertURL does not match paperboy.delivery.bounces.ses.cert-url-pattern.");
		}
		X509Certificate cached = this.certificates.get(url);
		if (cached != null) {
			return cached;
		}
		X509Certificate certificate;
		try {
			byte[] pem = this.client.get(new URI(url), MAX_CERTIFICATE_SIZE);
			certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
				.generateCertificate(new ByteArrayInputStream(pem));
		}
		catch (URISyntaxException ex) {
			throw WebhookException.forbidden("SigningCertURL is not a URL.");
		}
		catch (CertificateException | ClassCastException ex) {
			throw WebhookException.forbidden("SigningCertURL does not hold an X.509 certificate.");
		}
		if (this.certificates.size() >= MAX_CACHED) {
			this.certificates.clear();
		}
		this.certificates.put(url, certificate);
		return certificate;
	}

	private static String lower(String value) {
		return (value != null) ? value.toLowerCase(Locale.ROOT) : "";
	}

}
