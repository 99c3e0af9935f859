package dev.paperboy.subscription.web;

import dev.paperboy.subscription.Profile;
import org.jspecify.annotations.Nullable;

/**
 * The sign-up and preference form, as posted. {@code website} is a honeypot: people never
 * see it, form-filling robots fill it in.
 */
record SubscribeForm(@Nullable String email, @Nullable String interests, @Nullable String keywords,
		@Nullable String authors, @Nullable String categories, @Nullable String cadence, @Nullable String weekday,
		@Nullable Integer deliveryHour, @Nullable String timeZone, @Nullable Integer papersPerDigest,
		@Nullable Integer minUpvotes, @Nullable String whenEmpty, @Nullable String website) {

	static SubscribeForm empty() {
		return new SubscribeForm("", "", "", "", "", "DAILY", "MONDAY", 7, "UTC", 10, 0, "", "");
	}

	static SubscribeForm of(Profile profile) {
		return new SubscribeForm(null, profile.interests(), profile.keywords(), String.join(", ", profile.authors()),
				String.join(", ", profile.categories()), profile.cadence().name(), profile.weekday().name(),
				profile.deliveryHour(), profile.timeZone().getId(), profile.papersPerDigest(), profile.minUpvotes(),
				(profile.whenEmpty() != null) ? profile.whenEmpty().name() : "", "");
	}

	Profile profile() {
		return Profile.of(this.interests, this.keywords, this.authors, this.categories, this.cadence, this.weekday,
				this.deliveryHour, this.timeZone, this.papersPerDigest, this.minUpvotes, this.whenEmpty);
	}

	boolean isRobot() {
		return this.website != null && !this.website.isBlank();
	}

}
