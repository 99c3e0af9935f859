package dev.paperboy.delivery.branding;

import java.util.List;
import java.util.Optional;

import dev.paperboy.delivery.Brand;
import dev.paperboy.delivery.Branding;
import dev.paperboy.delivery.MailSample;
import dev.paperboy.delivery.MailTemplates;
import dev.paperboy.delivery.templates.TemplateSources;

import org.springframework.stereotype.Component;

/**
 * Each kind of email rendered from its sample with a branding (saved or not), in light or
 * dark: for a dark preview the templates' {@code prefers-color-scheme: dark} rules apply
 * whatever the browser prefers, for a light one they never do.
 */
@Component
class BrandPreviews {

	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data: https:; "
			+ "base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

	private final List<MailSample> samples;

	private final MailTemplates templates;

	private final Branding branding;

	private final TemplateSources sources;

	BrandPreviews(List<MailSample> samples, MailTemplates templates, Branding branding, TemplateSources sources) {
		this.samples = samples;
		this.templates = templates;
		this.branding = branding;
		this.sources = sources;
	}

	/**
	 * One kind of email, and the files its templates come from.
	 *
	 * @param template the templates' name
	 * @param label what it is
	 * @param sources its template files
	 */
	public record Mail(String template, String label, List<TemplateSources.Source> sources) {
	}

	List<Mail> mails() {
		return this.samples.stream()
			.map((sample) -> new Mail(sample.template(), sample.label(), this.sources.of(sample.template())))
			.toList();
	}

	/**
	 * @param template a mail's templates
	 * @param brand the branding to show
	 * @param dark whether to show it in dark mode
	 * @return the sample rendered, or empty for a mail there is no sample of
	 */
	Optional<MailTemplates.Rendered> render(String template, Brand brand, boolean dark) {
		Brand inlined = this.branding.inlineLogo(brand);
		return this.samples.stream()
			.filter((sample) -> sample.template().equals(template))
			.findFirst()
			.map((sample) -> {
				MailTemplates.Rendered rendered = this.templates.render(template, sample.variables(inlined));
				String html = rendered.html()
					.replace("@media (prefers-color-scheme: dark)", dark ? "@media all" : "@media not all");
				return new MailTemplates.Rendered(rendered.text(), html);
			});
	}

}
