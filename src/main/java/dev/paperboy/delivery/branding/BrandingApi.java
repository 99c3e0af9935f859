package dev.paperboy.delivery.branding;

import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.paperboy.delivery.Brand;
import dev.paperboy.delivery.Branding;
import dev.paperboy.delivery.InvalidBrandException;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The branding in the admin API, through the same {@link Branding} as the console:
 * {@code GET} and {@code PUT /api/v1/admin/branding}, {@code POST} (an image as the body,
 * or a multipart field {@code logo}) and {@code DELETE /api/v1/admin/branding/logo}.
 */
@RestController
@RequestMapping("/api/v1/admin/branding")
class BrandingApi {

	private final Branding branding;

	private final BrandPreviews previews;

	BrandingApi(Branding branding, BrandPreviews previews) {
		this.branding = branding;
		this.previews = previews;
	}

	@GetMapping
	Map<String, Object> get() {
		return body(this.branding.current());
	}

	@PutMapping
	Map<String, Object> put(@RequestBody Branding.Draft draft, Principal principal) {
		return body(this.branding.save(draft, principal.getName()));
	}

	@PostMapping(path = "/logo", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	Map<String, Object> uploadForm(@RequestParam("logo") MultipartFile file, Principal principal) throws IOException {
		return body(this.branding.useLogo(file.getBytes(), principal.getName()));
	}

	@PostMapping("/logo")
	Map<String, Object> upload(HttpServletRequest request, Principal principal) throws IOException {
		try (InputStream in = request.getInputStream()) {
			// one byte more than allowed is enough to refuse it
			return body(this.branding.useLogo(in.readNBytes(Branding.MAX_LOGO_BYTES + 1), principal.getName()));
		}
	}

	@DeleteMapping("/logo")
	Map<String, Object> removeLogo(Principal principal) {
		return body(this.branding.removeLogo(principal.getName()));
	}

	@ExceptionHandler(InvalidBrandException.class)
	ProblemDetail invalid(InvalidBrandException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				BrandingConsole.describe(ex.errors()));
		problem.setTitle("Invalid branding");
		problem.setProperty("errors", ex.errors());
		return problem;
	}

	private Map<String, Object> body(Brand brand) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("senderName", brand.senderName());
		body.put("accent", brand.accent());
		body.put("footer", brand.footer());
		body.put("postalAddress", brand.postalAddress());
		body.put("logoPath", brand.logoPath());
		body.put("warnings", Branding.warnings(brand));
		List<Map<String, Object>> mails = this.previews.mails()
			.stream()
			.map((mail) -> Map.<String, Object>of("template", mail.template(), "label", mail.label(), "sources",
					mail.sources()))
			.toList();
		body.put("templates", mails);
		return body;
	}

}
