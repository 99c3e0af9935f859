package dev.paperboy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A stub of the remote sources on loopback: responses are queued per path prefix, and
 * every request is recorded with the time it arrived.
 */
public final class StubHttpServer implements AutoCloseable {

	private final MockWebServer server = new MockWebServer();

	private final Map<String, Deque<MockResponse>> queues = new LinkedHashMap<>();

	private final List<Arrival> arrivals = new ArrayList<>();

	/**
	 * A request and when it arrived.
	 *
	 * @param target the request target (path and query)
	 * @param at arrival time
	 * @param userAgent the User-Agent header
	 */
	public record Arrival(String target, Instant at, String userAgent) {
	}

	public StubHttpServer() {
		this.server.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				return respond(request);
			}
		});
		try {
			this.server.start(InetAddress.getLoopbackAddress(), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.getPort();
	}

	public synchronized void enqueue(String pathPrefix, MockResponse... responses) {
		Deque<MockResponse> queue = this.queues.computeIfAbsent(pathPrefix, (key) -> new ArrayDeque<>());
		queue.addAll(List.of(responses));
	}

	public synchronized List<Arrival> arrivals(String pathPrefix) {
		return this.arrivals.stream().filter((arrival) -> arrival.target().startsWith(pathPrefix)).toList();
	}

	public synchronized void reset() {
		this.queues.clear();
		this.arrivals.clear();
	}

	private synchronized MockResponse respond(RecordedRequest request) {
		String target = request.getTarget();
		this.arrivals.add(new Arrival(target, Instant.now(), String.valueOf(request.getHeaders().get("User-Agent"))));
		for (Map.Entry<String, Deque<MockResponse>> entry : this.queues.entrySet()) {
			if (target.startsWith(entry.getKey()) && !entry.getValue().isEmpty()) {
				return entry.getValue().poll();
			}
		}
		return new MockResponse.Builder().code(404).body("no stub for " + target).build();
	}

	public static MockResponse ok(String body, String contentType) {
		return new MockResponse.Builder().code(200).setHeader("Content-Type", contentType).body(body).build();
	}

	public static MockResponse status(int code) {
		return new MockResponse.Builder().code(code).body("stub error " + code).build();
	}

	public static String fixture(String name) {
		try (InputStream in = StubHttpServer.class.getResourceAsStream("/fixtures/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.server.close();
	}

}
