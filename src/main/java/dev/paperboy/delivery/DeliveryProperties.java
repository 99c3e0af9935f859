package dev.paperboy.delivery;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Who mail comes from, and what bounces do.
 *
 * @param from the sender address
 * @param fromName the sender's display name
 * @param replyTo where replies go, if not to the sender
 * @param suppressionSalt the secret salt of suppressed addresses' hashes (at least 16
 * characters; generated and kept in the data directory in the embedded mode)
 * @param bounces how bounces and complaints suppress addresses, and the providers'
 * webhooks that report them
 * @param dkim DKIM signing of outgoing mail, off unless configured
 * @param templates where operators put their own mail templates
 * @param outbox the workers that send every queued message (digests, confirmations)
 */
@ConfigurationProperties("paperboy.delivery")
@Validated
public record DeliveryProperties(@DefaultValue("papers@localhost") @NotBlank String from,
		@DefaultValue("Paperboy") @NotBlank String fromName, @Nullable @Email String replyTo,
		@NotBlank @Size(min = 16) String suppressionSalt, @DefaultValue @Valid BounceSettings bounces,
		@DefaultValue @Valid Dkim dkim, @DefaultValue Templates templates, @DefaultValue @Valid Outbox outbox) {

	/**
	 * The outbox workers, which send digests and one-off emails (confirmations) alike.
	 *
	 * @param workers sending threads per instance, each with its own SMTP connection (0:
	 * this instance's workers send nothing; a one-off email it queues is still tried once
	 * right after its transaction commits)
	 * @param batchSize messages a worker claims at once and sends over one connection
	 * @param lease how long a claimed message is left to its worker; after that another
	 * worker sends it again, with the same Message-ID
	 * @param maxAttempts attempts before a message that keeps failing temporarily is
	 * given up
	 * @param initialBackoff the wait after the first temporary failure; it doubles with
	 * each attempt, with jitter
	 * @param maxBackoff the longest wait between two attempts
	 * @param ratePerSecond messages per second per instance at most (0: no limit)
	 * @param ratePerHour messages per hour per instance at most (0: no limit)
	 * @param idle how long a worker waits when there is nothing to send
	 */
	public record Outbox(@DefaultValue("2") @Min(0) @Max(64) int workers,
			@DefaultValue("50") @Min(1) @Max(1000) int batchSize, @DefaultValue("5m") Duration lease,
			@DefaultValue("12") @Min(1) int maxAttempts, @DefaultValue("1m") Duration initialBackoff,
			@DefaultValue("1h") Duration maxBackoff, @DefaultValue("0") @Min(0) double ratePerSecond,
			@DefaultValue("0") @Min(0) long ratePerHour, @DefaultValue("2s") Duration idle) {

	}

	/**
	 * Mail templates that replace the built-in ones without a rebuild.
	 *
	 * @param directory a directory whose {@code mail/NAME.html} and {@code mail/NAME.txt}
	 * take precedence over the built-in templates of the same name; the others stay
	 * built-in. Cached once read, like the built-in ones: restart to apply a change.
	 */
	public record Templates(@Nullable Path directory) {

	}

	@Override
	public String toString() {
		return "DeliveryProperties[from=" + this.from + ", fromName=" + this.fromName + ", replyTo=" + this.replyTo
				+ ", suppressionSalt=(secret), bounces=" + this.bounces + ", dkim=" + this.dkim + ", templates="
				+ this.templates + ", outbox=" + this.outbox + "]";
	}

	/**
	 * How bounces and complaints suppress addresses. A hard bounce or a complaint
	 * suppresses an address at once, soft bounces when enough arrive within the window.
	 * Each provider's webhook answers 404 until it is configured.
	 *
	 * @param softBounceLimit soft bounces that suppress an address
	 * @param softBounceWindow how long soft bounces count, from the first; a soft bounce
	 * after it starts the count again
	 * @param maxBodySize largest webhook request body read
	 * @param ses Amazon SES notifications through Amazon SNS, {@code POST /webhooks/ses}
	 * @param postmark Postmark's bounce and spam complaint webhooks,
	 * {@code POST /webhooks/postmark}
	 * @param sendgrid SendGrid's signed Event Webhook, {@code POST /webhooks/sendgrid}
	 */
	public record BounceSettings(@DefaultValue("3") @Min(1) @Max(100) int softBounceLimit,
			@DefaultValue("30d") Duration softBounceWindow, @DefaultValue("1MB") DataSize maxBodySize,
			@DefaultValue @Valid Ses ses, @DefaultValue @Valid Postmark postmark,
			@DefaultValue @Valid SendGrid sendgrid) {

	}

	/**
	 * Amazon SES bounce and complaint notifications, delivered by an Amazon SNS HTTPS
	 * subscription. Every message's SNS signature is verified with the certificate at its
	 * {@code SigningCertURL}, which is only fetched when it matches
	 * {@code certUrlPattern}.
	 *
	 * @param topicArns the SNS topics accepted; none turns the webhook off
	 * @param certUrlPattern a regular expression the whole signing certificate URL must
	 * match; a subscription is only confirmed at a URL on the same scheme, host and port
	 * @param connectTimeout time to connect to SNS (certificates, subscription
	 * confirmations)
	 * @param readTimeout longest wait for an SNS response
	 * @param certificateFetchesPerMinute the most signing certificates fetched in a
	 * minute (one at a time); a message whose certificate is not cached beyond that is
	 * refused with 503, and SNS delivers it again later
	 * @param certificateCacheTime how long a fetched certificate is kept (a failed fetch
	 * a tenth of it, at most a minute)
	 */
	public record Ses(@Nullable List<String> topicArns, @DefaultValue(DEFAULT_CERT_URL_PATTERN) String certUrlPattern,
			@DefaultValue("5s") Duration connectTimeout, @DefaultValue("10s") Duration readTimeout,
			@DefaultValue("10") @Min(1) @Max(1000) int certificateFetchesPerMinute,
			@DefaultValue("24h") Duration certificateCacheTime) {

		/** HTTPS from an SNS regional endpoint, a path ending in .pem. */
		public static final String DEFAULT_CERT_URL_PATTERN = "https://sns\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?/[A-Za-z0-9._/-]+\\.pem";

		public Ses {
			topicArns = (topicArns != null) ? List.copyOf(topicArns) : List.of();
		}

		public boolean configured() {
			return !this.topicArns.isEmpty();
		}

	}

	/**
	 * Postmark's bounce and spam complaint webhooks. Postmark does not sign them: the
	 * webhook URL carries HTTP Basic credentials
	 * ({@code https://user:password@host/...}).
	 *
	 * @param username the user name; no user name or password turns the webhook off
	 * @param password the password
	 */
	public record Postmark(@Nullable String username, @Nullable String password) {

		public boolean configured() {
			return this.username != null && !this.username.isBlank() && this.password != null
					&& !this.password.isBlank();
		}

		@Override
		public String toString() {
			return "Postmark[username=" + this.username + ", password=" + ((this.password != null) ? "(secret)" : null)
					+ "]";
		}

	}

	/**
	 * SendGrid's Signed Event Webhook: ECDSA P-256 signatures over the timestamp and the
	 * request body.
	 *
	 * @param publicKey the verification key from SendGrid's Mail Settings (base64 DER, as
	 * shown there); none turns the webhook off
	 * @param timestampTolerance how far the signed timestamp may be from now
	 */
	public record SendGrid(@Nullable String publicKey, @DefaultValue("10m") Duration timestampTolerance) {

		public boolean configured() {
			return this.publicKey != null && !this.publicKey.isBlank();
		}

	}

	/**
	 * DKIM signing of every message, for operators who send directly rather than through
	 * a relay that signs: off unless a domain, a selector and a key are set, and then all
	 * three must be.
	 *
	 * @param domain the signing domain ({@code d=}): the sender's domain or a parent of
	 * it
	 * @param selector the selector ({@code s=}): the public key is published as a TXT
	 * record at {@code SELECTOR._domainkey.DOMAIN}
	 * @param privateKeyFile a PEM file with the RSA private key (PKCS#8, or PKCS#1)
	 * @param privateKey the RSA private key as PEM text, instead of a file (for a secret
	 * passed in an environment variable)
	 * @param signedHeaders the headers signed when present; each one present is signed
	 * once more than it occurs, so that none can be added without breaking the signature
	 */
	public record Dkim(@Nullable @Pattern(regexp = Dkim.DOMAIN_NAME) String domain,
			@Nullable @Pattern(regexp = Dkim.DOMAIN_NAME) String selector, @Nullable Path privateKeyFile,
			@Nullable String privateKey, @DefaultValue( {
					"From", "Sender", "Reply-To", "To", "Cc", "Subject", "Date", "Message-ID", "In-Reply-To",
					"References", "MIME-Version", "Content-Type", "Content-Transfer-Encoding", "List-Id",
					"List-Unsubscribe", "List-Unsubscribe-Post", "Feedback-ID" }) @NotEmpty List<String> signedHeaders){

		private static final String LABEL = "[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?";

		/** Dot-separated labels, or nothing: an empty value counts as unset. */
		private static final String DOMAIN_NAME = "(" + LABEL + "(\\." + LABEL + ")*)?";

		/**
		 * Whether any of the domain, the selector or a key is set (blank counts as
		 * unset).
		 */
		public boolean configured() {
			return StringUtils.hasText(this.domain) || StringUtils.hasText(this.selector) || this.privateKeyFile != null
					|| StringUtils.hasText(this.privateKey);
		}

		@Override
		public String toString() {
			return "Dkim[domain=" + this.domain + ", selector=" + this.selector + ", privateKeyFile="
					+ this.privateKeyFile + ", privateKey=" + ((this.privateKey != null) ? "(secret)" : null)
					+ ", signedHeaders=" + this.signedHeaders + "]";
		}

	}

}
