package dev.paperboy.embedded.mailbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The mail the embedded SMTP server received, in the browser: {@code /admin/mailbox}
 * lists it newest first, {@code /admin/mailbox/{index}} shows one message, in the
 * console's layout. Operators and admins only (the console's access table). A message's
 * HTML is served on its own ({@code /admin/mailbox/{index}/html}) into a sandboxed frame
 * with no allowances, under a policy that runs no script and loads nothing from
 * elsewhere, so mail can neither run code in the admin's session nor track its reading.
 * <p>
 * Declared as a bean by the embedded configuration, not component-scanned, and so served
 * as functional routes: it exists only when the embedded SMTP server does.
 */
public class MailboxController {

	// The policy of a message's HTML part, served on its own inside the console's
	// sandboxed frame: its own inline styles and inline images, nothing else.
	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
			+ "base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

	private final GreenMail smtp;

	public MailboxController(GreenMail smtp) {
		this.smtp = smtp;
	}

	/**
	 * The mailbox pages.
	 * @return the routes of {@code /admin/mailbox}
	 */
	public RouterFunction<ServerResponse> routes() {
		return RouterFunctions.route()
			.GET("/admin/mailbox", (request) -> list())
			.GET("/admin/mailbox/{index}", this::message)
			.GET("/admin/mailbox/{index}/html", this::html)
			.build();
	}

	ServerResponse list() {
		MimeMessage[] received = this.smtp.getReceivedMessages();
		List<MailboxMessage> messages = new ArrayList<>(received.length);
		for (int i = received.length - 1; i >= 0; i--) {
			messages.add(MailboxMessage.of(i, received[i]));
		}
		return page(HttpStatus.OK, "admin/mailbox/list", Map.of("messages", messages));
	}

	ServerResponse message(ServerRequest request) {
		MimeMessage[] received = this.smtp.getReceivedMessages();
		int index = index(request.pathVariable("index"));
		if (index < 0 || index >= received.length) {
			return page(HttpStatus.NOT_FOUND, "admin/mailbox/missing", Map.of());
		}
		return page(HttpStatus.OK, "admin/mailbox/message",
				Map.of("message", MailboxMessage.of(index, received[index])));
	}

	ServerResponse html(ServerRequest request) {
		MimeMessage[] received = this.smtp.getReceivedMessages();
		int index = index(request.pathVariable("index"));
		MailboxMessage message = (index < 0 || index >= received.length) ? null
				: MailboxMessage.of(index, received[index]);
		if (message == null || message.html() == null) {
			return ServerResponse.notFound().build();
		}
		return ServerResponse.ok()
			.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
			.header("X-Frame-Options", "SAMEORIGIN")
			.contentType(
					new org.springframework.http.MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
			.body(message.html());
	}

	private static int index(String value) {
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private static ServerResponse page(HttpStatus status, String view, Map<String, ?> model) {
		// the console's own policy (from the security chain) applies
		return ServerResponse.status(status).render(view, model);
	}

}
