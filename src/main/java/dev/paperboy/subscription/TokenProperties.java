package dev.paperboy.subscription;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/**
 * The keys that sign every link (HMAC-SHA256). The first key signs new links; all of them
 * verify, so a key can be rotated by putting a new one first and keeping the old ones
 * until their links have expired.
 *
 * @param keys secrets, at least 32 characters each, newest first (generated and kept in
 * the data directory in the embedded mode)
 * @param manageValidity how long preference-centre and view links work
 * @param unsubscribeValidity how long unsubscribe links work (at least 60 days)
 * @param feedbackValidity how long feedback links work
 */
@ConfigurationProperties("paperboy.tokens")
@Validated
public record TokenProperties(@NotEmpty List<@Size(min = 32) String> keys,
		@DefaultValue("180d") Duration manageValidity, @DefaultValue("365d") Duration unsubscribeValidity,
		@DefaultValue("180d") Duration feedbackValidity) {

	public TokenProperties {
		if (unsubscribeValidity.compareTo(Duration.ofDays(60)) < 0) {
			throw new IllegalArgumentException("paperboy.tokens.unsubscribe-validity must be at least 60 days");
		}
	}

	@Override
	public String toString() {
		return "TokenProperties[keys=(" + this.keys.size() + " secret), manageValidity=" + this.manageValidity
				+ ", unsubscribeValidity=" + this.unsubscribeValidity + "]";
	}

}
