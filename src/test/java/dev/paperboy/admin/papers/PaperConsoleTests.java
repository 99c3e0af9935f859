package dev.paperboy.admin.papers;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import dev.paperboy.ApiClient;
import dev.paperboy.ConsoleClient;
import dev.paperboy.DatabaseCleaner;
import dev.paperboy.PaperboyTest;
import dev.paperboy.SubscriberEvents;
import dev.paperboy.admin.users.Role;
import dev.paperboy.papers.PaperCatalog;
import dev.paperboy.papers.PaperLinks;
import dev.paperboy.papers.PaperRecord;
import dev.paperboy.subscription.ClientInfo;
import dev.paperboy.subscription.EmailAddress;
import dev.paperboy.subscription.Profile;
import dev.paperboy.subscription.SubscriptionService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@PaperboyTest
class PaperConsoleTests {

	@LocalServerPort
	int port;

	@Autowired
	PaperCatalog catalog;

	@Autowired
	SubscriptionService subscriptions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	ApiClient api;

	@BeforeEach
	void papers() {
		DatabaseCleaner.clean(this.jdbc);
		this.api = new ApiClient(this.port);
		this.catalog.save(List.of(paper("huggingface", "2611.00001", "Memory-augmented language models", 40, 1),
				paper("huggingface", "2611.00002", "Memory for robots", 5, 2),
				paper("arxiv", "2611.00003", "Memory in spiking networks", null, 3),
				paper("arxiv", "2611.00004", "Contract law of Venice", null, 20)));
	}

	@Test
	void searchFiltersBySourceDaysAndUpvotesAndPagesWithoutCounting() {
		assertThat(titles("/api/v1/admin/papers?q=memory&source=arxiv")).containsExactly("Memory in spiking networks");
		assertThat(titles("/api/v1/admin/papers?q=memory&minUpvotes=10"))
			.containsExactly("Memory-augmented language models");
		assertThat(titles("/api/v1/admin/papers?from=" + LocalDate.now().minusDays(2) + "&to=" + LocalDate.now()))
			.containsExactlyInAnyOrder("Memory-augmented language models", "Memory for robots");
		JsonNode first = ApiClient.json(this.api.adminGet("/api/v1/admin/papers?q=memory&limit=2"));
		assertThat(first.get("entries")).hasSize(2);
		assertThat(first.get("hasNext").asBoolean()).isTrue();
		JsonNode second = ApiClient.json(this.api.adminGet("/api/v1/admin/papers?q=memory&limit=2&page=1"));
		assertThat(second.get("entries")).hasSize(1);
		assertThat(second.get("hasNext").asBoolean()).isFalse();

		ResponseEntity<String> bad = this.api.adminGet("/api/v1/admin/papers?minUpvotes=-1");
		assertThat(bad.getStatusCode().value()).isEqualTo(400);
		assertThat(bad.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
		assertThat(bad.getBody()).contains("minimum upvotes must be 0 or more");
		assertThat(this.api.adminGet("/api/v1/admin/papers/999999").getStatusCode().value()).isEqualTo(404);
	}

	@Test
	void theDetailCountsTheSubscribersAPaperWasSentToAndTheirFeedback() {
		long paper = id("2611.00001");
		long ada = subscriber("ada@example.org");
		long bob = subscriber("bob@example.org");
		long cy = subscriber("cy@example.org");
		sent(ada, paper, "SENT");
		sent(bob, paper, "SENT");
		sent(cy, paper, "QUEUED");
		this.subscriptions.giveFeedback(ada, "2611.00001", true);
		this.subscriptions.giveFeedback(bob, "2611.00001", false);
		this.subscriptions.giveFeedback(cy, "2611.00002", true);

		JsonNode detail = ApiClient.json(this.api.adminGet("/api/v1/admin/papers/" + paper));
		assertThat(detail.get("sentTo").asLong()).as("queued is not sent").isEqualTo(2);
		assertThat(detail.get("feedback").get("more").asLong()).isEqualTo(1);
		assertThat(detail.get("feedback").get("less").asLong()).isEqualTo(1);
		assertThat(detail.get("entry").get("paper").get("title").asString())
			.isEqualTo("Memory-augmented language models");

		ConsoleClient console = new ConsoleClient(this.port);
		console.login(ConsoleClient.ADMIN, ConsoleClient.ADMIN_PASSWORD);
		String page = console.get("/admin/papers/" + paper).body();
		assertThat(page).contains("id=\"sent-to\">2<", "id=\"votes-more\">1<", "id=\"votes-less\">1<");
	}

	@Test
	void aViewerSeesPapersButCannotHideThem() {
		long paper = id("2611.00004");
		ConsoleClient.user(this.context, "reader", Role.VIEWER, "reader-password-0123456789");
		ConsoleClient viewer = new ConsoleClient(this.port);
		viewer.login("reader", "reader-password-0123456789");

		HttpResponse<String> list = viewer.get("/admin/papers?q=venice");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("Contract law of Venice");
		HttpResponse<String> detail = viewer.get("/admin/papers/" + paper);
		assertThat(detail.body()).doesNotContain("Hide from all digests");
		assertThat(viewer.post("/admin/papers/" + paper + "/hide", Map.of()).statusCode()).isEqualTo(403);
		assertThat(hidden(paper)).isFalse();

		ConsoleClient operator = new ConsoleClient(this.port);
		ConsoleClient.user(this.context, "operator", Role.OPERATOR, "operator-password-0123456789");
		operator.login("operator", "operator-password-0123456789");
		assertThat(operator.get("/admin/papers/" + paper).body()).contains("Hide from all digests");
		assertThat(operator.postWithout("/admin/papers/" + paper + "/hide", Map.of()).statusCode())
			.as("without CSRF token")
			.isEqualTo(403);
		assertThat(operator.post("/admin/papers/" + paper + "/hide", Map.of()).statusCode()).isEqualTo(302);
		assertThat(hidden(paper)).isTrue();
		assertThat(operator.get("/admin/papers?q=venice").body()).contains("hidden");
	}

	private List<String> titles(String path) {
		ResponseEntity<String> response = this.api.adminGet(path);
		assertThat(response.getStatusCode().value()).as(path).isEqualTo(200);
		return ApiClient.json(response)
			.get("entries")
			.valueStream()
			.map((entry) -> entry.get("paper").get("title").asString())
			.toList();
	}

	private long id(String key) {
		return this.jdbc.sql("select id from paper where key = ?").param(key).query(Long.class).single();
	}

	private boolean hidden(long paper) {
		return this.jdbc.sql("select hidden_at is not null from paper where id = ?")
			.param(paper)
			.query(Boolean.class)
			.single();
	}

	private long subscriber(String address) {
		long id = this.subscriptions.importActive(
				EmailAddress.parse(address).orElseThrow(), new Profile("memory", "", List.of(), List.of(),
						Profile.Cadence.DAILY, DayOfWeek.MONDAY, 7, ZoneId.of("UTC"), 3),
				List.of(), new ClientInfo("127.0.0.1", "test"));
		SubscriberEvents.awaitHandled(this.jdbc);
		return id;
	}

	private void sent(long subscriber, long paper, String status) {
		long digest = this.jdbc
			.sql("insert into digest (subscriber_id, period, due_at, status) values (?, 'p', now(), ?) returning id")
			.params(subscriber, status)
			.query(Long.class)
			.single();
		this.jdbc
			.sql("insert into digest_paper (digest_id, subscriber_id, paper_id, position, score, reasons) "
					+ "values (?, ?, ?, 0, 0.5, '{}')")
			.params(digest, subscriber, paper)
			.update();
	}

	private static PaperRecord paper(String source, String id, String title, Integer upvotes, int daysAgo) {
		return new PaperRecord(source, id, title, "An abstract about " + title + ".", List.of("Ada Lovelace"),
				List.of(), PaperLinks.forArxiv(id), LocalDate.now().minusDays(daysAgo), null, upvotes, null, List.of(),
				null);
	}

}
