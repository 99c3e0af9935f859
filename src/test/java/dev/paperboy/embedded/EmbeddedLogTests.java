package dev.paperboy.embedded;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import dev.paperboy.Paperboy;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded default started as a newcomer starts it, on a port of their choosing and
 * with no public URL set, then a sign-up, its confirmation and the first digest: the
 * links in the mail name that port, and the whole log holds no warning and no
 * subscriber's address.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedLogTests {

	// A log line at WARN or ERROR, in Spring Boot's console format.
	private static final Pattern WARNING = Pattern.compile("^\\S+\\s+(WARN|ERROR) ");

	@TempDir
	Path data;

	@Test
	void aSubscribersFirstDigestOnAnyPortLinksToThatPortAndLogsNoWarningAndNoAddress(CapturedOutput output)
			throws Exception {
		int port = freePort();
		String address = "grace.hopper@lab.example.org";
		String running;
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Paperboy.class).run(
				"--paperboy.embedded.data-dir=" + this.data, "--server.port=" + port,
				"--paperboy.ingest.hugging-face.enabled=false", "--paperboy.ingest.arxiv.enabled=false")) {
			GreenMail mail = app.getBean(GreenMail.class);
			HttpResponse<String> signUp = post(port, "/subscribe",
					"email=grace.hopper%40lab.example.org&interests=Memory+in+language+models&cadence=DAILY"
							+ "&deliveryHour=8&timeZone=Europe%2FParis&papersPerDigest=5&website=");
			assertThat(signUp.statusCode()).isEqualTo(200);
			await().atMost(Duration.ofSeconds(30)).until(() -> mail.getReceivedMessages().length >= 1);

			String confirm = link(mail.getReceivedMessages()[0], "http://localhost:" + port, "/confirm/");
			assertThat(post(port, confirm, "").statusCode()).isEqualTo(200);
			await().atMost(Duration.ofMinutes(4))
				.pollInterval(Duration.ofSeconds(2))
				.until(() -> mail.getReceivedMessages().length >= 2);
			link(mail.getReceivedMessages()[1], "http://localhost:" + port, "/unsubscribe/");
			running = output.getAll();
		}
		assertThat(running).as("the startup log").contains("Tomcat started on port " + port);
		assertThat(output.getAll()).doesNotContainIgnoringCase(address).doesNotContainIgnoringCase("grace.hopper");
		// Up to the shutdown: whatever still runs then (the embedder) is another matter.
		List<String> warnings = running.lines().filter((line) -> WARNING.matcher(line).find()).toList();
		assertThat(warnings).as("warnings and errors in the log").isEmpty();
	}

	private static String link(MimeMessage message, String base, String path) {
		String body = GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "=");
		Matcher matcher = Pattern.compile(Pattern.quote(base + path) + "[A-Za-z0-9_-]+").matcher(body);
		assertThat(matcher.find()).as("a link to %s%s in %s", base, path, Arrays.toString(body.lines().toArray()))
			.isTrue();
		return matcher.group().substring(base.length());
	}

	private static HttpResponse<String> post(int port, String path, String form)
			throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
