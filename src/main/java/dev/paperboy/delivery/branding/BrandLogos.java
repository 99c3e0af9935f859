package dev.paperboy.delivery.branding;

import java.time.Duration;

import dev.paperboy.delivery.Branding;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The logos emails show, public at {@code /brand/logo/HASH.EXT}: the hash of the image is
 * in its URL, so an image never changes under its URL and may be cached for a year.
 */
@RestController
class BrandLogos {

	private final Branding branding;

	BrandLogos(Branding branding) {
		this.branding = branding;
	}

	@GetMapping("/brand/logo/{file}")
	ResponseEntity<byte[]> logo(@PathVariable String file) {
		return this.branding.logo(file)
			.map((logo) -> ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(logo.contentType()))
				.cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
				.header("X-Content-Type-Options", "nosniff")
				.header("Content-Security-Policy", "default-src 'none'; sandbox")
				.body(logo.bytes()))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

}
