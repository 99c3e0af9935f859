package dev.paperboy.papers;

import org.jspecify.annotations.Nullable;

/**
 * Where a paper can be read. Every link is an http or https URL.
 *
 * @param arxiv the arXiv abstract page
 * @param pdf the PDF
 * @param huggingFace the Hugging Face paper page
 * @param code the code repository
 * @param project the project page
 */
public record PaperLinks(@Nullable String arxiv, @Nullable String pdf, @Nullable String huggingFace,
		@Nullable String code, @Nullable String project) {

	public static final PaperLinks NONE = new PaperLinks(null, null, null, null, null);

	/**
	 * The standard arXiv abstract and PDF links of an arXiv id.
	 * @param arxivId an arXiv id without version
	 * @return links to arXiv
	 */
	public static PaperLinks forArxiv(String arxivId) {
		return new PaperLinks("https://arxiv.org/abs/" + arxivId, "https://arxiv.org/pdf/" + arxivId, null, null, null);
	}

	public PaperLinks withHuggingFace(@Nullable String url) {
		return new PaperLinks(this.arxiv, this.pdf, url, this.code, this.project);
	}

	public PaperLinks withCode(@Nullable String url) {
		return new PaperLinks(this.arxiv, this.pdf, this.huggingFace, url, this.project);
	}

	public PaperLinks withProject(@Nullable String url) {
		return new PaperLinks(this.arxiv, this.pdf, this.huggingFace, this.code, url);
	}

}
