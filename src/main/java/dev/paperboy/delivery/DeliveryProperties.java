package dev.paperboy.delivery;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Who mail comes from.
 *
 * @param from the sender address
 * @param fromName the sender's display name
 * @param replyTo where replies go, if not to the sender
 * @param suppressionSalt the secret salt of suppressed addresses' hashes (at least 16
 * characters; generated and kept in the data directory in the embedded mode)
 * @param templates where operators put their own mail templates
 */
@ConfigurationProperties("paperboy.delivery")
@Validated
public record DeliveryProperties(@DefaultValue("papers@localhost") @NotBlank String from,
		@DefaultValue("Paperboy") @NotBlank String fromName, @Nullable @Email String replyTo,
		@NotBlank @Size(min = 16) String suppressionSalt, @DefaultValue Templates templates) {

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
				+ ", suppressionSalt=(secret), templates=" + this.templates + "]";
	}

}
