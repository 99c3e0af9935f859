package dev.paperboy.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * The branding of every email (sender name, logo, accent colour, footer, postal address),
 * edited in the console and kept in the database. Read often (every message rendered), so
 * kept in memory and read again every few seconds: a change made on one instance reaches
 * the others that soon. Nothing saved: the configured sender name and the bundled look.
 */
@Service
public class Branding {

	/** Largest logo accepted, in bytes. */
	public static final int MAX_LOGO_BYTES = 200 * 1024;

	public static final int MAX_SENDER_NAME = 100;

	public static final int MAX_FOOTER = 500;

	public static final int MAX_POSTAL_ADDRESS = 300;

	private static final long REFRESH_NANOS = 5_000_000_000L;

	private static final Pattern ACCENT = Pattern.compile("#[0-9a-fA-F]{6}");

	private final BrandingStore store;

	private final String configuredName;

	private volatile Cached cached = new Cached(null, 0);

	Branding(BrandingStore store, DeliveryProperties properties) {
		this.store = store;
		this.configuredName = properties.fromName();
	}

	/**
	 * Branding values as typed, not yet checked.
	 *
	 * @param senderName the sender's display name
	 * @param accent the accent colour, {@code #rrggbb}
	 * @param footer footer text
	 * @param postalAddress the postal address, lines
	 */
	public record Draft(@Nullable String senderName, @Nullable String accent, @Nullable String footer,
			@Nullable String postalAddress) {
	}

	/**
	 * An uploaded logo.
	 *
	 * @param contentType its type
	 * @param bytes the image
	 */
	public record Logo(String contentType, byte[] bytes) {
	}

	/**
	 * @return the branding in force
	 */
	public Brand current() {
		Cached cached = this.cached;
		if (cached.brand == null || System.nanoTime() - cached.readAt > REFRESH_NANOS) {
			Brand brand = this.store.load().orElseGet(() -> Brand.defaults(this.configuredName));
			this.cached = new Cached(brand, System.nanoTime());
			return brand;
		}
		return cached.brand;
	}

	/**
	 * @return the bundled look with the configured sender name
	 */
	public Brand defaults() {
		return Brand.defaults(this.configuredName);
	}

	/**
	 * @param draft values typed in the console
	 * @return them as a brand with the current logo, for a preview
	 * @throws InvalidBrandException when a value cannot be used
	 */
	public Brand draft(Draft draft) {
		return checked(draft, current().logoPath());
	}

	/**
	 * Saves the sender name, accent, footer and postal address; the logo stays.
	 * @param draft the values
	 * @param actor who saves them
	 * @return the branding now in force
	 * @throws InvalidBrandException when a value cannot be used
	 */
	public Brand save(Draft draft, String actor) {
		Brand brand = checked(draft, null);
		this.store.save(brand, actor);
		return refresh();
	}

	/**
	 * Uploads a logo and puts it in every email from now on.
	 * @param bytes a PNG, JPEG or WebP image, at most {@value #MAX_LOGO_BYTES} bytes
	 * @param actor who uploads it
	 * @return the branding now in force
	 * @throws InvalidBrandException when it is none of those, or too large
	 */
	public Brand useLogo(byte[] bytes, String actor) {
		String type = imageType(bytes);
		String hash = hash(bytes);
		this.store.storeLogo(hash, type, bytes);
		this.store.useLogo(hash, current(), actor);
		return refresh();
	}

	/**
	 * Takes the logo out of the emails (emails already sent still show it).
	 * @param actor who removes it
	 * @return the branding now in force
	 */
	public Brand removeLogo(String actor) {
		this.store.useLogo(null, current(), actor);
		return refresh();
	}

	/**
	 * @param file the last part of a logo's path: hash and extension
	 * @return that logo, if there is one
	 */
	public Optional<Logo> logo(String file) {
		int dot = file.indexOf('.');
		if (dot < 0 || !file.substring(0, dot).matches("[0-9a-f]{32}")) {
			return Optional.empty();
		}
		return this.store.logo(file.substring(0, dot))
			.filter((logo) -> file.equals(file.substring(0, dot) + BrandingStore.extension(logo.contentType())));
	}

	/**
	 * @param brand a brand
	 * @return the same brand with its logo inlined as a {@code data:} URI, for a preview
	 * that loads nothing from elsewhere
	 */
	public Brand inlineLogo(Brand brand) {
		String path = brand.logoPath();
		if (path == null || path.startsWith("data:")) {
			return brand;
		}
		String file = path.substring(path.lastIndexOf('/') + 1);
		String uri = logo(file)
			.map((logo) -> "data:" + logo.contentType() + ";base64," + Base64.getEncoder().encodeToString(logo.bytes()))
			.orElse(null);
		return new Brand(brand.senderName(), brand.accent(), brand.footer(), brand.postalAddress(), uri);
	}

	/**
	 * @param brand a brand
	 * @return what may be wrong with it without being refused (a hard to read accent)
	 */
	public static List<String> warnings(Brand brand) {
		List<String> warnings = new ArrayList<>();
		double contrast = Brand.Colors.contrast(brand.accent(), "#ffffff");
		if (contrast < Brand.Colors.READABLE) {
			warnings
				.add(String.format(Locale.ROOT,
						"The accent colour %s has a contrast of %.1f:1 against white, under the 4.5:1 that text needs: "
								+ "links in it are hard to read, and buttons get dark text.",
						brand.accent(), contrast));
		}
		return warnings;
	}

	private Brand refresh() {
		this.cached = new Cached(null, 0);
		return current();
	}

	private Brand checked(Draft draft, @Nullable String logoPath) {
		Map<String, String> errors = new LinkedHashMap<>();
		String name = (draft.senderName() != null) ? draft.senderName().strip() : "";
		if (name.isEmpty()) {
			errors.put("senderName", "must not be empty");
		}
		else if (name.length() > MAX_SENDER_NAME) {
			errors.put("senderName", "must be at most " + MAX_SENDER_NAME + " characters");
		}
		else if (name.chars().anyMatch(Character::isISOControl)) {
			errors.put("senderName", "must be one line, without line breaks or control characters");
		}
		String accent = (draft.accent() != null) ? draft.accent().strip() : "";
		if (!ACCENT.matcher(accent).matches()) {
			errors.put("accent", "must be a colour written #rrggbb, like #0b57d0");
		}
		String footer = text(draft.footer());
		if (footer.length() > MAX_FOOTER) {
			errors.put("footer", "must be at most " + MAX_FOOTER + " characters");
		}
		else if (hasControl(footer)) {
			errors.put("footer", "must not hold control characters");
		}
		String address = text(draft.postalAddress());
		if (address.length() > MAX_POSTAL_ADDRESS) {
			errors.put("postalAddress", "must be at most " + MAX_POSTAL_ADDRESS + " characters");
		}
		else if (address.lines().count() > 6) {
			errors.put("postalAddress", "must be at most 6 lines");
		}
		else if (hasControl(address)) {
			errors.put("postalAddress", "must not hold control characters");
		}
		if (!errors.isEmpty()) {
			throw new InvalidBrandException(errors);
		}
		return new Brand(name, accent.toLowerCase(Locale.ROOT), footer, address, logoPath);
	}

	// Line ends as \n, no trailing blanks
	private static String text(@Nullable String value) {
		return (value != null) ? value.replace("\r\n", "\n").replace('\r', '\n').strip() : "";
	}

	private static boolean hasControl(String value) {
		return value.chars().anyMatch((c) -> c != '\n' && Character.isISOControl(c));
	}

	// By the file's first bytes, never by its name or the type it claims: PNG, JPEG and
	// WebP only (SVG can hold script, and mail clients treat it differently)
	static String imageType(byte[] bytes) {
		if (bytes.length > MAX_LOGO_BYTES) {
			throw new InvalidBrandException(Map.of("logo", "must be at most " + (MAX_LOGO_BYTES / 1024)
					+ " KB (this one is " + (bytes.length + 1023) / 1024 + " KB)"));
		}
		if (starts(bytes, 0, new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' })) {
			return "image/png";
		}
		if (starts(bytes, 0, new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff })) {
			return "image/jpeg";
		}
		if (starts(bytes, 0, "RIFF".getBytes(StandardCharsets.US_ASCII))
				&& starts(bytes, 8, "WEBP".getBytes(StandardCharsets.US_ASCII))) {
			return "image/webp";
		}
		throw new InvalidBrandException(Map.of("logo", "must be a PNG, JPEG or WebP image (SVG is not accepted)"));
	}

	private static boolean starts(byte[] bytes, int offset, byte[] prefix) {
		return bytes.length >= offset + prefix.length
				&& Arrays.equals(bytes, offset, offset + prefix.length, prefix, 0, prefix.length);
	}

	private static String hash(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Cached(@Nullable Brand brand, long readAt) {
	}

}
