package dev.paperboy.delivery.bounce;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.paperboy.delivery.DeliveryProperties;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * GETs from Amazon SNS: signing certificates and subscription confirmations. Timeouts are
 * always set, redirects never followed (they could leave the checked host), and bodies
 * read up to a limit.
 */
@Component
class SnsClient {

	private final HttpClient client;

	private final DeliveryProperties.Ses properties;

	SnsClient(DeliveryProperties properties) {
		this.properties = properties.bounces().ses();
		this.client = HttpClient.newBuilder()
			.connectTimeout(this.properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * GETs a document.
	 * @param uri where; already checked by the caller
	 * @param maxBytes the largest body read
	 * @return the body of a 2xx response
	 * @throws WebhookException (502) when SNS cannot be reached or does not answer 2xx
	 */
	byte[] get(URI uri, int maxBytes) {
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(this.properties.readTimeout())
			.header("User-Agent", "Paperboy (bounce webhook)")
			.GET()
			.build();
		try {
			HttpResponse<InputStream> response = this.client.send(request, HttpResponse.BodyHandlers.ofInputStream());
			try (InputStream body = response.body()) {
				if (response.statusCode() / 100 != 2) {
					throw unavailable("Amazon SNS answered HTTP " + response.statusCode() + ".");
				}
				byte[] bytes = body.readNBytes(maxBytes + 1);
				if (bytes.length > maxBytes) {
					throw unavailable("Amazon SNS answered with more than " + maxBytes + " bytes.");
				}
				return bytes;
			}
		}
		catch (IOException ex) {
			throw unavailable("Amazon SNS could not be reached: " + ex.getClass().getSimpleName() + ".");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw unavailable("Interrupted while calling Amazon SNS.");
		}
	}

	private static WebhookException unavailable(String message) {
		return new WebhookException(HttpStatus.BAD_GATEWAY, message);
	}

}
