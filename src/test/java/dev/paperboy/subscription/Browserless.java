package dev.paperboy.subscription;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMailUtil;
import dev.paperboy.TestMailConfiguration;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import static org.awaitility.Awaitility.await;

/**
 * An HTTP client with no cookie store (every request stands alone, as a mail client's
 * one-click POST does), and helpers to read the links in the mail GreenMail received.
 */
final class Browserless {

	static final String PUBLIC_URL = "https://papers.example.org";

	private final HttpClient http = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String base;

	Browserless(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).GET());
	}

	HttpResponse<String> postForm(String path, String form) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	HttpResponse<String> postMultipart(String path, String name, String value) {
		String boundary = "paperboyTestBoundary";
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
				+ "\r\n--" + boundary + "--\r\n";
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	HttpResponse<String> postJson(String path, String json) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The messages received for one address. Tests share one SMTP server, and another
	 * test's background send may still arrive, so tests count only their own recipients'
	 * mail.
	 */
	static List<MimeMessage> messagesTo(String address) {
		return Arrays.stream(TestMailConfiguration.mail().getReceivedMessages()).filter((message) -> {
			try {
				return Arrays.stream(message.getAllRecipients())
					.anyMatch((recipient) -> recipient.toString().equalsIgnoreCase(address));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	/** Waits until at least the given number of messages reached the address. */
	static List<MimeMessage> awaitMessagesTo(String address, int count) {
		await().atMost(Duration.ofSeconds(10)).until(() -> messagesTo(address).size() >= count);
		return messagesTo(address);
	}

	/**
	 * The path of the first public link in a message's body that starts with the given
	 * path.
	 */
	static String link(MimeMessage message, String pathPrefix) {
		Matcher matcher = Pattern.compile(Pattern.quote(PUBLIC_URL + pathPrefix) + "[A-Za-z0-9_-]+")
			.matcher(GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "="));
		if (!matcher.find()) {
			throw new AssertionError("no " + pathPrefix + " link in " + GreenMailUtil.getBody(message));
		}
		return matcher.group().substring(PUBLIC_URL.length());
	}

}
