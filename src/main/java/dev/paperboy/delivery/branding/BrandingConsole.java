package dev.paperboy.delivery.branding;

import java.io.IOException;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.paperboy.delivery.Brand;
import dev.paperboy.delivery.Branding;
import dev.paperboy.delivery.InvalidBrandException;
import dev.paperboy.delivery.MailTemplates;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/branding}: the branding form with a live preview of every kind of email
 * (the form's values, saved or not, re-rendered as they are typed), the logo, and which
 * template file each email comes from. Everyone reads; ADMIN saves.
 */
@Controller
@RequestMapping("/admin/branding")
class BrandingConsole {

	private final Branding branding;

	private final BrandPreviews previews;

	BrandingConsole(Branding branding, BrandPreviews previews) {
		this.branding = branding;
		this.previews = previews;
	}

	/**
	 * The form's fields, and the preview's options.
	 *
	 * @param senderName the sender name
	 * @param accent the accent colour
	 * @param footer the footer text
	 * @param postalAddress the postal address
	 * @param width {@code desktop} or {@code phone}
	 * @param scheme {@code light} or {@code dark}
	 */
	public record Form(@Nullable String senderName, @Nullable String accent, @Nullable String footer,
			@Nullable String postalAddress, @Nullable String width, @Nullable String scheme) {

		static Form of(Brand brand) {
			return new Form(brand.senderName(), brand.accent(), brand.footer(), brand.postalAddress(), "desktop",
					"light");
		}

		Branding.Draft draft() {
			return new Branding.Draft(this.senderName, this.accent, this.footer, this.postalAddress);
		}

		public boolean phone() {
			return "phone".equals(this.width);
		}

		public boolean dark() {
			return "dark".equals(this.scheme);
		}

	}

	@GetMapping
	String page(Model model) {
		Brand brand = this.branding.current();
		return page(model, Form.of(brand), brand, Map.of());
	}

	@PostMapping
	String save(@ModelAttribute Form form, Principal principal, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			Brand saved = this.branding.save(form.draft(), principal.getName());
			redirect.addFlashAttribute("flash", "Branding saved: every email from now on wears it.");
			if (!Branding.warnings(saved).isEmpty()) {
				redirect.addFlashAttribute("flashError", Branding.warnings(saved).get(0));
			}
			return "redirect:/admin/branding";
		}
		catch (InvalidBrandException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("flashError", "Not saved: " + describe(ex.errors()) + ".");
			return page(model, form, this.branding.current(), ex.errors());
		}
	}

	@PostMapping("/logo")
	String uploadLogo(@RequestParam("logo") MultipartFile file, Principal principal, RedirectAttributes redirect)
			throws IOException {
		try {
			this.branding.useLogo(file.getBytes(), principal.getName());
			redirect.addFlashAttribute("flash", "Logo uploaded: every email from now on shows it.");
		}
		catch (InvalidBrandException ex) {
			redirect.addFlashAttribute("flashError", "Logo not used: " + describe(ex.errors()) + ".");
		}
		return "redirect:/admin/branding";
	}

	@PostMapping("/logo/remove")
	String removeLogo(Principal principal, RedirectAttributes redirect) {
		this.branding.removeLogo(principal.getName());
		redirect.addFlashAttribute("flash", "Logo removed from emails from now on.");
		return "redirect:/admin/branding";
	}

	// The live preview: htmx swaps it in as the form changes
	@GetMapping("/previews")
	String previews(@ModelAttribute Form form, Model model) {
		previewModel(model, form);
		return "admin/branding/previews :: previews";
	}

	// One email's sample as its preview frame shows it, under its own policy: the email's
	// inline styles, images from data: and https: only, no script, no form
	@GetMapping("/preview")
	ResponseEntity<String> preview(@RequestParam String mail, @RequestParam(defaultValue = "html") String part,
			@ModelAttribute Form form) {
		Brand brand;
		try {
			brand = this.branding.draft(form.draft());
		}
		catch (InvalidBrandException ex) {
			return ResponseEntity.badRequest()
				.contentType(MediaType.parseMediaType("text/plain;charset=UTF-8"))
				.header("Content-Security-Policy", BrandPreviews.CONTENT_SECURITY_POLICY)
				.body("Not previewed: " + describe(ex.errors()) + ".");
		}
		return this.previews.render(mail, brand, form.dark())
			.map((rendered) -> ResponseEntity.ok()
				.contentType(MediaType
					.parseMediaType("text".equals(part) ? "text/plain;charset=UTF-8" : "text/html;charset=UTF-8"))
				.header("Content-Security-Policy", BrandPreviews.CONTENT_SECURITY_POLICY)
				.header("X-Frame-Options", "SAMEORIGIN")
				.header("Cache-Control", "no-store")
				.body("text".equals(part) ? rendered.text() : rendered.html()))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	private String page(Model model, Form form, Brand saved, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("saved", saved);
		model.addAttribute("errors", errors);
		model.addAttribute("warnings", Branding.warnings(saved));
		model.addAttribute("mails", this.previews.mails());
		model.addAttribute("maxLogoKb", Branding.MAX_LOGO_BYTES / 1024);
		previewModel(model, errors.isEmpty() ? form : Form.of(saved));
		return "admin/branding/index";
	}

	private void previewModel(Model model, Form form) {
		model.addAttribute("preview", form);
		try {
			Brand brand = this.branding.draft(form.draft());
			Map<String, String> texts = new LinkedHashMap<>();
			for (BrandPreviews.Mail mail : this.previews.mails()) {
				this.previews.render(mail.template(), brand, false)
					.map(MailTemplates.Rendered::text)
					.ifPresent((text) -> texts.put(mail.template(), text));
			}
			model.addAttribute("previewTexts", texts);
			model.addAttribute("previewWarnings", Branding.warnings(brand));
			model.addAttribute("previewErrors", Map.of());
		}
		catch (InvalidBrandException ex) {
			model.addAttribute("previewTexts", Map.of());
			model.addAttribute("previewWarnings", List.of());
			model.addAttribute("previewErrors", ex.errors());
		}
		model.addAttribute("previewMails", this.previews.mails());
	}

	static String describe(Map<String, String> errors) {
		return String.join("; ",
				errors.entrySet().stream().map((e) -> label(e.getKey()) + " " + e.getValue()).toList());
	}

	private static String label(String field) {
		return switch (field) {
			case "senderName" -> "the sender name";
			case "accent" -> "the accent colour";
			case "footer" -> "the footer text";
			case "postalAddress" -> "the postal address";
			default -> "the logo";
		};
	}

}
