package dev.paperboy.delivery;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * How every email looks and signs: what the mail templates read as {@code ${brand}}. Its
 * values are validated ({@link Branding}); the templates escape them anyway.
 *
 * @param senderName the sender's display name (the From header, the emails' heading)
 * @param accent the accent colour, {@code #rrggbb} (links, buttons)
 * @param footer a line or two in every email's footer, or empty
 * @param postalAddress the sender's postal address, one or more lines, or empty
 * @param logoPath the logo's path ({@code /brand/logo/HASH.png}), a {@code data:} URI in
 * previews, or null for none
 */
public record Brand(String senderName, String accent, String footer, String postalAddress, @Nullable String logoPath) {

	/** The bundled look's accent. */
	public static final String DEFAULT_ACCENT = "#0b57d0";

	/**
	 * @param senderName the configured sender name
	 * @return the bundled look, with that name
	 */
	public static Brand defaults(String senderName) {
		return new Brand(senderName, DEFAULT_ACCENT, "", "", null);
	}

	/**
	 * @return whether there is a logo
	 */
	public boolean hasLogo() {
		return this.logoPath != null;
	}

	/**
	 * @param base the site's public URL ({@code https://papers.example.org/})
	 * @return the logo's absolute URL (a {@code data:} URI as it is), or null
	 */
	public @Nullable String logoUrl(String base) {
		if (this.logoPath == null || this.logoPath.startsWith("data:")) {
			return this.logoPath;
		}
		return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + this.logoPath;
	}

	/**
	 * @return the text colour on the accent: white, or near black when white would not be
	 * readable
	 */
	public String onAccent() {
		return (Colors.contrast(this.accent, "#ffffff") >= Colors.READABLE) ? "#ffffff" : "#1d1d1f";
	}

	/**
	 * @return the accent for links on a dark background: the accent lightened until it is
	 * readable there (the bundled look's own light blue for the default)
	 */
	public String accentOnDark() {
		return DEFAULT_ACCENT.equals(this.accent) ? "#8ab4f8" : Colors.readableOn(this.accent, "#1f1f21");
	}

	/**
	 * @return a pale tint of the accent, for notes on a white card
	 */
	public String accentTint() {
		return DEFAULT_ACCENT.equals(this.accent) ? "#eef3fd" : Colors.mix(this.accent, "#ffffff", 0.92);
	}

	/**
	 * Colour arithmetic for {@code #rrggbb} colours: WCAG contrast and mixing.
	 */
	public static final class Colors {

		/** WCAG AA for normal text. */
		public static final double READABLE = 4.5;

		private Colors() {
		}

		/**
		 * @param a a colour
		 * @param b another
		 * @return their WCAG 2 contrast ratio, 1 to 21
		 */
		public static double contrast(String a, String b) {
			double la = luminance(a);
			double lb = luminance(b);
			return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
		}

		static String readableOn(String color, String background) {
			for (double amount = 0; amount <= 1.0; amount += 0.05) {
				String mixed = mix(color, "#ffffff", amount);
				if (contrast(mixed, background) >= READABLE) {
					return mixed;
				}
			}
			return "#ffffff";
		}

		static String mix(String color, String with, double amount) {
			int[] a = rgb(color);
			int[] b = rgb(with);
			StringBuilder result = new StringBuilder("#");
			for (int i = 0; i < 3; i++) {
				result.append(String.format(Locale.ROOT, "%02x", Math.round(a[i] + (b[i] - a[i]) * amount)));
			}
			return result.toString();
		}

		private static double luminance(String color) {
			int[] rgb = rgb(color);
			double[] linear = new double[3];
			for (int i = 0; i < 3; i++) {
				double c = rgb[i] / 255.0;
				linear[i] = (c <= 0.03928) ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
			}
			return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
		}

		private static int[] rgb(String color) {
			int value = Integer.parseInt(color.substring(1), 16);
			return new int[] { (value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff };
		}

	}

}
