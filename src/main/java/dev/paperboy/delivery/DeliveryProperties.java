package dev.paperboy.delivery;

import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Who mail comes from.
 *
 * @param from the sender address
 * @param fromName the sender's display name
 * @param replyTo where replies go, if not to the sender
 * @param suppressionSalt the secret salt of suppressed addresses' hashes (at least 16
 * characters; generated and kept in the data directory in the embedded mode)
 * @param dkim DKIM signing of outgoing mail, off unless configured
 */
@ConfigurationProperties("paperboy.delivery")
@Validated
public record DeliveryProperties(@DefaultValue("papers@localhost") @NotBlank String from,
		@DefaultValue("Paperboy") @NotBlank String fromName, @Nullable @Email String replyTo,
		@NotBlank @Size(min = 16) String suppressionSalt, @DefaultValue @Valid Dkim dkim) {

	@Override
	public String toString() {
		return "DeliveryProperties[from=" + this.from + ", fromName=" + this.fromName + ", replyTo=" + this.replyTo
				+ ", suppressionSalt=(secret)]";
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
		boolean configured() {
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
