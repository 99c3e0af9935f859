package dev.paperboy.delivery;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import dev.paperboy.ApiClient;
import dev.paperboy.ConsoleClient;
import dev.paperboy.DatabaseCleaner;
import dev.paperboy.PaperboyTest;
import dev.paperboy.TestMailConfiguration;
import dev.paperboy.admin.users.Role;
import dev.paperboy.digest.DigestService;
import dev.paperboy.matching.PaperEmbedder;
import dev.paperboy.papers.PaperCatalog;
import dev.paperboy.papers.PaperLinks;
import dev.paperboy.papers.PaperRecord;
import dev.paperboy.subscription.ClientInfo;
import dev.paperboy.subscription.EmailAddress;
import dev.paperboy.subscription.Profile;
import dev.paperboy.subscription.SubscriptionService;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The branding edited in the console and the admin API reaches every email: the From
 * header, the accent, the footer, the postal address and the logo's URL; hostile values
 * are refused with a clear error; the preview shows values not saved.
 */
@PaperboyTest
class BrandingTests {

	static final String SITE = "https://papers.example.org";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Branding branding;

	@Autowired
	SubscriptionService subscriptions;

	@Autowired
	DigestService digests;

	@Autowired
	PaperCatalog catalog;

	@Autowired
	PaperEmbedder embedder;

	@Autowired
	ApplicationContext context;

	ApiClient api;

	@BeforeEach
	void setUp() {
		DatabaseCleaner.clean(this.jdbc);
		this.api = new ApiClient(this.port);
	}

	// Other test classes in this context expect the bundled look at once (the branding
	// is kept in memory for a few seconds)
	@AfterEach
	void restoreTheBundledLook() {
		this.branding.save(new Branding.Draft("Paperboy", Brand.DEFAULT_ACCENT, "", ""), "test");
		this.branding.removeLogo("test");
	}

	@Test
	void theBrandingReachesTheConfirmationAndTheDigest() throws Exception {
		ResponseEntity<String> saved = put("{\"senderName\": \"Labo Ünïcode Papers\", \"accent\": \"#6D28D9\","
				+ " \"footer\": \"Sent by the reading group of the Example Lab.\","
				+ " \"postalAddress\": \"Example Lab\\n1 Example Street\\nExampleton\"}");
		assertThat(saved.getStatusCode().value()).isEqualTo(200);
		assertThat(ApiClient.json(saved).get("accent").asString()).as("kept lower case").isEqualTo("#6d28d9");
		JsonNode logo = ApiClient.json(upload(png(), "image/png"));
		String logoPath = logo.get("logoPath").asString();
		assertThat(logoPath).matches("/brand/logo/[0-9a-f]{32}\\.png");

		// the confirmation email
		this.subscriptions.subscribe(EmailAddress.parse("bea@example.org").orElseThrow(), Profile.DEFAULT,
				new ClientInfo("127.0.0.1", "test"));
		MimeMessage confirmation = await().atMost(Duration.ofSeconds(20))
			.until(() -> received("bea@example.org"), (messages) -> !messages.isEmpty())
			.get(0);
		assertBranded(confirmation, logoPath);
		assertThat(html(confirmation)).contains("background:#6d28d9;color:#ffffff")
			.contains("asked Labo Ünïcode Papers to send");

		// a digest
		this.catalog
			.save(List.of(new PaperRecord("huggingface", "2611.00301", "Spiking neural networks on neuromorphic chips",
					"We train spiking neural networks on neuromorphic hardware.", List.of("Ada Lovelace"), List.of(),
					PaperLinks.forArxiv("2611.00301"), null, null, 30, 0, List.of(), null)));
		this.embedder.embedAll();
		long reader = this.subscriptions.importActive(
				EmailAddress.parse("cy@example.org").orElseThrow(), new Profile("Spiking neural networks", "",
						List.of(), List.of(), Profile.Cadence.DAILY, DayOfWeek.MONDAY, 7, ZoneId.of("UTC"), 10),
				List.of(), new ClientInfo("127.0.0.1", "test"));
		assertThat(this.digests.sendTest(EmailAddress.parse("cy@example.org").orElseThrow(), reader)).isTrue();
		MimeMessage digest = await().atMost(Duration.ofSeconds(20))
			.until(() -> received("cy@example.org"), (messages) -> !messages.isEmpty())
			.get(0);
		assertBranded(digest, logoPath);
		assertThat(html(digest)).contains("color:#6d28d9;text-decoration:none;\">Spiking neural networks")
			.contains("<span>Labo Ünïcode Papers</span><br><span>Example Lab</span><br><span>1 Example Street</span>");
		assertThat(digest.getHeader("List-Id")[0]).as("encoded").contains("Papers_digest?=");

		// the logo, public and cached for good
		HttpResponse<byte[]> image = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + logoPath)).build(),
					HttpResponse.BodyHandlers.ofByteArray());
		assertThat(image.statusCode()).isEqualTo(200);
		assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(image.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=31536000")
			.contains("immutable");
		assertThat(image.body()).isEqualTo(png());
	}

	private static void assertBranded(MimeMessage message, String logoPath) throws Exception {
		InternetAddress from = (InternetAddress) message.getFrom()[0];
		assertThat(from.getPersonal()).isEqualTo("Labo Ünïcode Papers");
		assertThat(from.getAddress()).isEqualTo("papers@paperboy.test");
		assertThat(message.getHeader("From")[0]).as("encoded, one line").startsWith("=?UTF-8?").doesNotContain("\n");
		String html = html(message);
		assertThat(html).contains("#6d28d9")
			.contains("Sent by the reading group of the Example Lab.")
			.contains("1 Example Street")
			.contains("src=\"" + SITE + logoPath + "\"");
		assertThat(text(message)).contains("Sent by the reading group of the Example Lab.")
			.contains("\n1 Example Street\n")
			.contains("Labo Ünïcode Papers");
	}

	@Test
	void hostileValuesAreRefusedWithClearErrors() throws Exception {
		ResponseEntity<String> crlf = put(
				"{\"senderName\": \"Evil\\r\\nBcc: victim@example.org\", \"accent\": \"#0b57d0\"}");
		assertThat(crlf.getStatusCode().value()).isEqualTo(400);
		assertThat(crlf.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
		assertThat(ApiClient.json(crlf).get("errors").get("senderName").asString())
			.isEqualTo("must be one line, without line breaks or control characters");

		ResponseEntity<String> colour = put("{\"senderName\": \"Lab\", \"accent\": \"red\"}");
		assertThat(colour.getStatusCode().value()).isEqualTo(400);
		assertThat(ApiClient.json(colour).get("detail").asString())
			.isEqualTo("the accent colour must be a colour written #rrggbb, like #0b57d0");
		ResponseEntity<String> script = put("{\"senderName\": \"Lab\", \"accent\": \"#0b57d0;background:url(x)\"}");
		assertThat(script.getStatusCode().value()).isEqualTo(400);

		ResponseEntity<String> footer = put(
				"{\"senderName\": \"Lab\", \"accent\": \"#0b57d0\", \"footer\": \"" + "x".repeat(501) + "\"}");
		assertThat(ApiClient.json(footer).get("errors").get("footer").asString())
			.isEqualTo("must be at most 500 characters");

		ResponseEntity<String> svg = upload(
				"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(), "image/png");
		assertThat(svg.getStatusCode().value()).isEqualTo(400);
		assertThat(ApiClient.json(svg).get("errors").get("logo").asString())
			.isEqualTo("must be a PNG, JPEG or WebP image (SVG is not accepted)");
		byte[] huge = Arrays.copyOf(png(), 300 * 1024);
		ResponseEntity<String> oversized = upload(huge, "image/png");
		assertThat(oversized.getStatusCode().value()).isEqualTo(400);
		assertThat(ApiClient.json(oversized).get("errors").get("logo").asString()).startsWith("must be at most 200 KB");

		// the console says the same, and keeps what was typed
		ConsoleClient console = new ConsoleClient(this.port);
		console.login(ConsoleClient.ADMIN, ConsoleClient.ADMIN_PASSWORD);
		console.get("/admin/branding");
		HttpResponse<String> page = console.post("/admin/branding", Map.of("senderName",
				"Evil\r\nBcc: victim@example.org", "accent", "nope", "footer", "", "postalAddress", ""));
		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("The sender name must be one line, without line breaks or control characters.")
			.contains("The accent colour must be a colour written #rrggbb, like #0b57d0.")
			.contains("aria-invalid=\"true\"");

		JsonNode current = ApiClient.json(this.api.adminGet("/api/v1/admin/branding"));
		assertThat(current.get("senderName").asString()).as("nothing saved").isEqualTo("Paperboy");
		assertThat(current.get("logoPath").isNull()).isTrue();
	}

	@Test
	void aLowContrastAccentIsSavedWithAWarning() {
		ResponseEntity<String> saved = put("{\"senderName\": \"Lab\", \"accent\": \"#ffdd00\"}");
		assertThat(saved.getStatusCode().value()).isEqualTo(200);
		assertThat(ApiClient.json(saved).get("warnings").get(0).asString())
			.startsWith("The accent colour #ffdd00 has a contrast of 1.3:1 against white");
	}

	@Test
	void thePreviewShowsValuesNotSavedToAViewer() {
		ConsoleClient.user(this.context, "vera", Role.VIEWER, "viewer-password-0123");
		ConsoleClient console = new ConsoleClient(this.port);
		console.login("vera", "viewer-password-0123");
		String draft = "senderName=" + encode("Draft Lab <b>") + "&accent=" + encode("#123456") + "&footer="
				+ encode("A draft footer") + "&postalAddress=" + encode("9 Draft Road");

		HttpResponse<String> html = console.get("/admin/branding/preview?mail=digest&part=html&scheme=dark&" + draft);
		assertThat(html.statusCode()).isEqualTo(200);
		assertThat(html.headers().firstValue("Content-Security-Policy")).hasValue(
				"default-src 'none'; style-src 'unsafe-inline'; img-src data: https:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'");
		assertThat(html.body()).contains("Draft Lab &lt;b&gt;")
			.contains("color:#123456")
			.contains("A draft footer")
			.contains("9 Draft Road")
			.as("dark mode forced")
			.contains("@media all");
		HttpResponse<String> text = console.get("/admin/branding/preview?mail=confirmation&part=text&" + draft);
		assertThat(text.body()).contains("asked Draft Lab <b> to send").contains("A draft footer");
		HttpResponse<String> fragment = console.get("/admin/branding/previews?width=phone&" + draft);
		assertThat(fragment.statusCode()).isEqualTo(200);
		assertThat(fragment.body()).contains("class=\"preview phone\"")
			.contains("accent=%23123456")
			.contains("A draft footer");
		HttpResponse<String> invalid = console.get("/admin/branding/previews?senderName=Lab&accent=blue");
		assertThat(invalid.body()).contains("Not previewed:").contains("the accent colour must be a colour written");

		assertThat(ApiClient.json(this.api.adminGet("/api/v1/admin/branding")).get("senderName").asString())
			.as("a preview saves nothing")
			.isEqualTo("Paperboy");
		HttpResponse<String> page = console.get("/admin/branding");
		assertThat(page.body()).contains("bundled default").doesNotContain("Save branding");
		assertThat(console.post("/admin/branding", Map.of("senderName", "Vera's", "accent", "#123456")).statusCode())
			.as("a viewer cannot save")
			.isEqualTo(403);
	}

	private ResponseEntity<String> put(String json) {
		return this.api.rest()
			.put()
			.uri("/api/v1/admin/branding")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + ApiClient.ADMIN_TOKEN)
			.contentType(MediaType.APPLICATION_JSON)
			.body(json)
			.retrieve()
			.toEntity(String.class);
	}

	private ResponseEntity<String> upload(byte[] bytes, String type) {
		return this.api.rest()
			.post()
			.uri("/api/v1/admin/branding/logo")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + ApiClient.ADMIN_TOKEN)
			.contentType(MediaType.parseMediaType(type))
			.body(bytes)
			.retrieve()
			.toEntity(String.class);
	}

	static byte[] png() throws IOException {
		BufferedImage image = new BufferedImage(8, 4, BufferedImage.TYPE_INT_RGB);
		image.setRGB(1, 1, 0x6d28d9);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	private static List<MimeMessage> received(String to) throws Exception {
		List<MimeMessage> messages = new ArrayList<>();
		for (MimeMessage message : TestMailConfiguration.mail().getReceivedMessages()) {
			if (message.getAllRecipients()[0].toString().equals(to)) {
				messages.add(message);
			}
		}
		return messages;
	}

	private static String html(MimeMessage message) throws Exception {
		return part(message, 1);
	}

	private static String text(MimeMessage message) throws Exception {
		return part(message, 0);
	}

	private static String part(MimeMessage message, int index) throws Exception {
		BodyPart part = ((Multipart) message.getContent()).getBodyPart(index);
		return ((String) part.getContent()).replace("\r\n", "\n");
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
