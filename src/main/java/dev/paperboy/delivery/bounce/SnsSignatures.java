package dev.paperboy.delivery.bounce;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import dev.paperboy.delivery.DeliveryProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Verifies Amazon SNS message signatures with the certificate at the message's
 * SigningCertURL, fetched only when the URL matches the configured pattern. Anyone can
 * post a message naming a certificate URL, so fetching is bounded: certificates are kept
 * (SNS publishes a rotated certificate at a new URL), and so are failures, for a while;
 * at most one fetch runs at a time, and at most so many a minute. Beyond that a message
 * is refused (503; SNS retries), never accepted unverified.
 */
@Component
class SnsSignatures {

	private static final int MAX_CERTIFICATE_SIZE = 64 * 1024;

	private static final int MAX_CACHED = 32;

	private final Pattern certUrlPattern;

	private final SnsClient client;

	private final Cache certificates = new Cache();

	private final Semaphore fetching = new Semaphore(1);

	private final Budget budget;

	private final Duration keepFor;

	private final Duration keepFailuresFor;

	SnsSignatures(DeliveryProperties properties, SnsClient client) {
		DeliveryProperties.Ses ses = properties.bounces().ses();
		this.certUrlPattern = Pattern.compile(ses.certUrlPattern());
		this.client = client;
		this.budget = new Budget(ses.certificateFetchesPerMinute());
		this.keepFor = ses.certificateCacheTime();
		Duration tenth = this.keepFor.dividedBy(10);
		this.keepFailuresFor = (tenth.compareTo(Duration.ofMinutes(1)) < 0) ? tenth : Duration.ofMinutes(1);
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
		Fetched cached = this.certificates.get(url);
		if (cached != null) {
			return cached.orThrow();
		}
		if (!this.fetching.tryAcquire()) {
			throw busy();
		}
		try {
			cached = this.certificates.get(url);
			if (cached != null) {
				return cached.orThrow();
			}
			if (!this.budget.tryTake()) {
				throw busy();
			}
			Fetched fetched = fetch(url);
			this.certificates.put(url, fetched);
			return fetched.orThrow();
		}
		finally {
			this.fetching.release();
		}
	}

	private Fetched fetch(String url) {
		try {
			byte[] pem = this.client.get(new URI(url), MAX_CERTIFICATE_SIZE);
			return new Fetched((X509Certificate) CertificateFactory.getInstance("X.509")
				.generateCertificate(new ByteArrayInputStream(pem)), null, this.keepFor);
		}
		catch (URISyntaxException ex) {
			return failed(WebhookException.forbidden("SigningCertURL is not a URL."));
		}
		catch (CertificateException | ClassCastException ex) {
			return failed(WebhookException.forbidden("SigningCertURL does not hold an X.509 certificate."));
		}
		catch (WebhookException ex) {
			return failed(ex);
		}
	}

	private Fetched failed(WebhookException ex) {
		return new Fetched(null, ex, this.keepFailuresFor);
	}

	private static WebhookException busy() {
		return new WebhookException(HttpStatus.SERVICE_UNAVAILABLE,
				"Too many signing certificates to fetch now; Amazon SNS delivers the message again later.");
	}

	/** A certificate, or why it could not be had, until it expires. */
	private record Fetched(@Nullable X509Certificate certificate, @Nullable WebhookException failure, long expiresAt) {

		Fetched(@Nullable X509Certificate certificate, @Nullable WebhookException failure, Duration keepFor) {
			this(certificate, failure, System.nanoTime() + keepFor.toNanos());
		}

		boolean expired() {
			return System.nanoTime() - this.expiresAt > 0;
		}

		X509Certificate orThrow() {
			if (this.certificate == null) {
				throw Objects.requireNonNull(this.failure);
			}
			return this.certificate;
		}

	}

	/** The newest entries, up to a number, each until it expires. */
	private static final class Cache {

		private final Map<String, Fetched> entries = new LinkedHashMap<>(16, 0.75f, true);

		synchronized @Nullable Fetched get(String url) {
			Fetched fetched = this.entries.get(url);
			if (fetched != null && fetched.expired()) {
				this.entries.remove(url);
				return null;
			}
			return fetched;
		}

		synchronized void put(String url, Fetched fetched) {
			this.entries.put(url, fetched);
			if (this.entries.size() > MAX_CACHED) {
				this.entries.remove(this.entries.keySet().iterator().next());
			}
		}

	}

	/** Fetches allowed in the current minute. */
	private static final class Budget {

		private final int perMinute;

		private long minute = -1;

		private int taken;

		Budget(int perMinute) {
			this.perMinute = perMinute;
		}

		synchronized boolean tryTake() {
			long now = TimeUnit.NANOSECONDS.toMinutes(System.nanoTime());
			if (now != this.minute) {
				this.minute = now;
				this.taken = 0;
			}
			if (this.taken >= this.perMinute) {
				return false;
			}
			this.taken++;
			return true;
		}

	}

	private static String lower(String value) {
		return (value != null) ? value.toLowerCase(Locale.ROOT) : "";
	}

}
