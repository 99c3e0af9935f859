package dev.paperboy;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;

/**
 * A minimal ESMTP server on 127.0.0.1 for tests (EHLO, HELO, MAIL, RCPT, DATA with
 * dot-unstuffing, RSET, NOOP, QUIT), answering as a script says for each recipient and
 * attempt: accept, 451 on RCPT or after DATA, 550 on RCPT, or 421 and hang up. It records
 * every attempt's outcome and every accepted message, can answer DATA slowly or stall on
 * one recipient, and can stop listening (dropping open connections, as a crashed server
 * does) and start again on the same port.
 */
public final class ScriptedSmtpServer implements AutoCloseable {

	/** What the server answers to one recipient in one attempt. */
	public enum Answer {

		ACCEPT, TEMPORARY_ON_RCPT, TEMPORARY_AFTER_DATA, REJECT_ON_RCPT, CLOSING_ON_RCPT

	}

	/** Decides the answer from the recipient and the attempt's number (from 1). */
	public interface Script {

		Answer answer(String recipient, int attempt);

	}

	public record Attempt(String recipient, int number, Answer answer, Instant at) {

	}

	/**
	 * A message the server accepted.
	 *
	 * @param messageId its Message-ID
	 * @param recipients its envelope recipients
	 * @param raw its bytes as received
	 * @param at when
	 * @param mailFrom the MAIL command that began it ("MAIL FROM:<...> BODY=8BITMIME")
	 */
	public record Received(String messageId, List<String> recipients, byte[] raw, Instant at, String mailFrom) {

	}

	private final Map<String, Integer> attemptsByRecipient = new ConcurrentHashMap<>();

	private final List<Attempt> attempts = new CopyOnWriteArrayList<>();

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final Set<Socket> connections = ConcurrentHashMap.newKeySet();

	private final Map<String, Duration> stalls = new ConcurrentHashMap<>();

	private volatile Script script = (recipient, attempt) -> Answer.ACCEPT;

	private volatile Duration delay = Duration.ZERO;

	private volatile Consumer<Received> afterAccepting = (message) -> {
	};

	private volatile ServerSocket listener;

	private int port;

	public static ScriptedSmtpServer start() {
		ScriptedSmtpServer server = new ScriptedSmtpServer();
		server.listen();
		return server;
	}

	public int port() {
		return this.port;
	}

	public void script(Script script) {
		this.script = script;
	}

	/** How long the server takes to answer the end of DATA. */
	public void delay(Duration delay) {
		this.delay = delay;
	}

	/** Answers the end of the first DATA to this recipient that much later. */
	public void stall(String recipient, Duration duration) {
		this.stalls.put(recipient, duration);
	}

	/** Runs after an acceptance has been written to the client. */
	public void afterAccepting(Consumer<Received> listener) {
		this.afterAccepting = listener;
	}

	public List<Received> received() {
		return List.copyOf(this.received);
	}

	public List<Attempt> attempts() {
		return List.copyOf(this.attempts);
	}

	/** Forgets the script, the delay and everything recorded. */
	public void reset() {
		this.script = (recipient, attempt) -> Answer.ACCEPT;
		this.delay = Duration.ZERO;
		this.afterAccepting = (message) -> {
		};
		this.stalls.clear();
		this.attemptsByRecipient.clear();
		this.attempts.clear();
		this.received.clear();
	}

	/** Listens again, on the same port. */
	public synchronized void listen() {
		try {
			ServerSocket socket = new ServerSocket();
			// Closed connections wait in TIME_WAIT on this port, and SO_REUSEADDR alone
			// does not always let Linux bind it again while they do.
			socket.setReuseAddress(true);
			if (socket.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT)) {
				socket.setOption(StandardSocketOptions.SO_REUSEPORT, true);
			}
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 50);
			this.port = socket.getLocalPort();
			this.listener = socket;
			Thread.ofPlatform().daemon().name("scripted-smtp-" + this.port).start(() -> accept(socket));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Stops listening and drops every open connection: clients see the server go away.
	 */
	public synchronized void stop() {
		try {
			if (this.listener != null) {
				this.listener.close();
			}
			for (Socket connection : this.connections) {
				connection.close();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		stop();
	}

	private void accept(ServerSocket socket) {
		while (!socket.isClosed()) {
			try {
				Socket connection = socket.accept();
				this.connections.add(connection);
				Thread.ofPlatform().daemon().name("scripted-smtp-connection").start(() -> serve(connection));
			}
			catch (IOException ex) {
				// closed: stop() was called
			}
		}
	}

	private void serve(Socket socket) {
		try (socket;
				InputStream in = new BufferedInputStream(socket.getInputStream());
				OutputStream out = new BufferedOutputStream(socket.getOutputStream())) {
			Transaction transaction = new Transaction();
			reply(out, "220 scripted.test ESMTP");
			for (byte[] bytes = readLine(in); bytes != null; bytes = readLine(in)) {
				String line = new String(bytes, StandardCharsets.ISO_8859_1);
				String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
				switch (verb) {
					case "EHLO" -> reply(out, "250-scripted.test\r\n250 8BITMIME");
					case "HELO", "NOOP" -> reply(out, "250 OK");
					case "MAIL", "RSET" -> {
						transaction = new Transaction();
						transaction.mailFrom = line;
						reply(out, "250 OK");
					}
					case "RCPT" -> {
						String answer = recipient(transaction, line);
						reply(out, answer);
						if (answer.startsWith("421")) {
							return;
						}
					}
					case "DATA" -> data(transaction, in, out);
					case "QUIT" -> {
						reply(out, "221 bye");
						return;
					}
					default -> reply(out, "502 5.5.2 not implemented");
				}
				if (verb.equals("DATA")) {
					transaction = new Transaction();
				}
			}
		}
		catch (IOException | InterruptedException ex) {
			// the client or stop() dropped the connection
		}
		finally {
			this.connections.remove(socket);
		}
	}

	private String recipient(Transaction transaction, String line) {
		String address = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>'));
		int number = this.attemptsByRecipient.merge(address, 1, Integer::sum);
		Answer answer = this.script.answer(address, number);
		switch (answer) {
			case REJECT_ON_RCPT -> {
				this.attempts.add(new Attempt(address, number, answer, Instant.now()));
				return "550 5.1.1 <" + address + ">: no such user";
			}
			case CLOSING_ON_RCPT -> {
				this.attempts.add(new Attempt(address, number, answer, Instant.now()));
				return "421 4.3.2 closing";
			}
			case TEMPORARY_ON_RCPT -> {
				this.attempts.add(new Attempt(address, number, answer, Instant.now()));
				return "451 4.7.1 <" + address + ">: try again later";
			}
			default -> {
				transaction.recipients.add(new Attempt(address, number, answer, Instant.now()));
				return "250 2.1.5 OK";
			}
		}
	}

	private void data(Transaction transaction, InputStream in, OutputStream out)
			throws IOException, InterruptedException {
		if (transaction.recipients.isEmpty()) {
			reply(out, "503 5.5.1 no valid recipients");
			return;
		}
		reply(out, "354 end with <CRLF>.<CRLF>");
		ByteArrayOutputStream raw = new ByteArrayOutputStream();
		boolean ended = false;
		for (byte[] line = readLine(in); line != null; line = readLine(in)) {
			if (line.length == 1 && line[0] == '.') {
				ended = true;
				break;
			}
			// dot-unstuffing (RFC 5321 4.5.2)
			int start = (line.length > 0 && line[0] == '.') ? 1 : 0;
			raw.write(line, start, line.length - start);
			raw.write('\r');
			raw.write('\n');
		}
		if (!ended) {
			// the client went away in the middle of the message (a kill): nothing was
			// sent, as a real server sees it
			return;
		}
		Thread.sleep(this.delay);
		for (Attempt recipient : transaction.recipients) {
			Duration stall = this.stalls.remove(recipient.recipient());
			if (stall != null) {
				Thread.sleep(stall);
			}
		}
		Instant now = Instant.now();
		boolean fail = transaction.recipients.stream().anyMatch((r) -> r.answer() == Answer.TEMPORARY_AFTER_DATA);
		for (Attempt recipient : transaction.recipients) {
			this.attempts.add(new Attempt(recipient.recipient(), recipient.number(),
					fail ? Answer.TEMPORARY_AFTER_DATA : Answer.ACCEPT, now));
		}
		if (fail) {
			reply(out, "451 4.3.0 temporary failure, try again later");
			return;
		}
		Received message = new Received(messageId(raw.toByteArray()),
				transaction.recipients.stream().map(Attempt::recipient).toList(), raw.toByteArray(), now,
				transaction.mailFrom);
		accept(message, out);
		this.afterAccepting.accept(message);
	}

	// Recorded if and only if the acceptance was written: stop() cannot come in between.
	private synchronized void accept(Received message, OutputStream out) throws IOException {
		reply(out, "250 2.0.0 OK queued");
		this.received.add(message);
	}

	private static String messageId(byte[] raw) {
		try {
			String id = new InternetHeaders(new ByteArrayInputStream(raw)).getHeader("Message-ID", null);
			return (id != null) ? id.strip().replaceAll("^<|>$", "") : "";
		}
		catch (MessagingException ex) {
			return "";
		}
	}

	private static void reply(OutputStream out, String reply) throws IOException {
		out.write((reply + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
		out.flush();
	}

	// A line without its CRLF (or bare LF), or null at the end of the stream.
	private static byte[] readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int b = in.read(); b != -1; b = in.read()) {
			if (b == '\n') {
				byte[] bytes = line.toByteArray();
				int length = (bytes.length > 0 && bytes[bytes.length - 1] == '\r') ? bytes.length - 1 : bytes.length;
				return java.util.Arrays.copyOf(bytes, length);
			}
			line.write(b);
		}
		return null;
	}

	private static final class Transaction {

		private final List<Attempt> recipients = new ArrayList<>();

		private String mailFrom = "";

	}

}
