package dev.paperboy.subscription;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import dev.paperboy.ApiClient;
import dev.paperboy.ConsoleClient;
import dev.paperboy.DatabaseCleaner;
import dev.paperboy.PaperboyTest;
import dev.paperboy.SubscriberEvents;
import dev.paperboy.admin.users.Role;
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

@PaperboyTest
class SubscriberConsoleTests {

	static final String VIEWER_PASSWORD = "viewer-password-0123";

	@LocalServerPort
	int port;

	@Autowired
	SubscriptionService subscriptions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	ApiClient api;

	ConsoleClient console;

	@BeforeEach
	void clean() {
		DatabaseCleaner.clean(this.jdbc);
		this.api = new ApiClient(this.port);
		this.console = new ConsoleClient(this.port);
		this.console.login(ConsoleClient.ADMIN, ConsoleClient.ADMIN_PASSWORD);
	}

	@Test
	void searchesByAddressInterestAndState() {
		long ann = active("ann.lee@example.org", "Spiking neural networks on chips");
		long bob = active("bob@annex.example.net", "Protein folding with diffusion models");
		long cat = active("cat@example.org", "Graph neural networks");
		this.subscriptions.pause(cat);

		assertThat(ids("q=ANN")).containsExactly(ann);
		assertThat(ids("q=annex&in=contains")).containsExactly(bob);
		assertThat(ids("q=network&in=interests")).containsExactlyInAnyOrder(ann, cat);
		assertThat(ids("q=diffusion+model&in=interests")).containsExactly(bob);
		assertThat(ids("state=PAUSED")).containsExactly(cat);
		assertThat(ids("state=active&sort=address")).containsExactly(ann, bob);
		assertThat(ids("sort=created")).containsExactly(cat, bob, ann);
		assertThat(ids("q=100%25")).as("LIKE's wildcards are literal").isEmpty();
		assertThat(this.api.adminGet("/api/v1/admin/subscribers?state=GONE").getStatusCode().value()).isEqualTo(400);
		assertThat(this.api.adminGet("/api/v1/admin/subscribers?q=an&in=contains").getStatusCode().value())
			.isEqualTo(400);

		String page = this.console.get("/admin/subscribers?q=neural&in=interests").body();
		assertThat(page).contains("ann.lee@example.org", "cat@example.org").doesNotContain("bob@annex.example.net");
	}

	@Test
	void findsManyInterestMatchesInAddressOrderWhereverTheyBunch() {
		// More matches than SubscriberQueries.FEW, all after 3,000 addresses that do not
		// match: the walk in address order finds none, the words' index does.
		insert("a", 3_000, "Graph neural networks", "ACTIVE");
		insert("m", 2_100, "Latent diffusion models", "ACTIVE");
		insert("p", 60, "Diffusion for proteins", "PAUSED");
		this.jdbc.sql("analyze subscriber").update();

		List<String> first = emails("q=diffusion&in=interests&sort=address");
		assertThat(first).hasSize(50).first().isEqualTo("m0000@example.org");
		assertThat(first).isSorted();
		assertThat(emails("q=diffusion&in=interests&sort=address&page=41")).containsExactly("m2050@example.org",
				"m2051@example.org", "m2052@example.org", "m2053@example.org", "m2054@example.org", "m2055@example.org",
				"m2056@example.org", "m2057@example.org", "m2058@example.org", "m2059@example.org", "m2060@example.org",
				"m2061@example.org", "m2062@example.org", "m2063@example.org", "m2064@example.org", "m2065@example.org",
				"m2066@example.org", "m2067@example.org", "m2068@example.org", "m2069@example.org", "m2070@example.org",
				"m2071@example.org", "m2072@example.org", "m2073@example.org", "m2074@example.org", "m2075@example.org",
				"m2076@example.org", "m2077@example.org", "m2078@example.org", "m2079@example.org", "m2080@example.org",
				"m2081@example.org", "m2082@example.org", "m2083@example.org", "m2084@example.org", "m2085@example.org",
				"m2086@example.org", "m2087@example.org", "m2088@example.org", "m2089@example.org", "m2090@example.org",
				"m2091@example.org", "m2092@example.org", "m2093@example.org", "m2094@example.org", "m2095@example.org",
				"m2096@example.org", "m2097@example.org", "m2098@example.org", "m2099@example.org");
		assertThat(emails("q=diffusion&in=interests&sort=address&page=42")).hasSize(50)
			.allMatch((email) -> email.startsWith("p"));
		assertThat(emails("q=diffusion&in=interests&state=PAUSED&sort=address")).hasSize(50)
			.first()
			.isEqualTo("p0000@example.org");
		assertThat(emails("q=latent+diffusion&in=interests&sort=address")).hasSize(50)
			.allMatch((email) -> email.startsWith("m"));
		assertThat(emails("q=diffusion+-latent&in=interests&sort=address")).as("websearch syntax, read another way")
			.hasSize(50)
			.allMatch((email) -> email.startsWith("p"));

		// the words follow every change of a subscriber's interests, and its removal
		long moved = id("m0000@example.org");
		this.jdbc.sql("update subscriber set interests = 'Graph networks' where id = ?").param(moved).update();
		this.jdbc.sql("delete from subscriber where email_key = 'm0001@example.org'").update();
		assertThat(emails("q=diffusion&in=interests&sort=address")).first().isEqualTo("m0002@example.org");
		assertThat(emails("q=graph&in=interests&sort=address&page=60")).containsExactly("m0000@example.org");
		assertThat(this.jdbc.sql("""
				select count(*) from (
				  (select word, email_key from subscriber_word
				   except all select word, email_key from subscriber, unnest(tsvector_to_array(search_words)) word)
				  union all
				  (select word, email_key from subscriber, unnest(tsvector_to_array(search_words)) word
				   except all select word, email_key from subscriber_word)) differences
				""").query(Long.class).single()).as("subscriber_word holds exactly the subscribers' words").isZero();
	}

	// prefix0000@example.org and on
	private void insert(String prefix, int count, String interests, String status) {
		this.jdbc.sql("""
				insert into subscriber (email, email_key, status, interests)
				select address, address, :status, :interests
				  from generate_series(0, :count - 1) i,
				       lateral (select :prefix || lpad(i::text, 4, '0') || '@example.org' address) a
				""")
			.param("prefix", prefix)
			.param("status", status)
			.param("interests", interests)
			.param("count", count)
			.update();
	}

	private List<String> emails(String query) {
		JsonNode page = ApiClient.json(this.api.adminGet("/api/v1/admin/subscribers?" + query));
		return page.get("rows").valueStream().map((row) -> row.get("email").asString()).toList();
	}

	@Test
	void pagesWithoutCountingEveryMatch() {
		for (int i = 0; i < 53; i++) {
			active("reader%02d@example.org".formatted(i), "");
		}
		JsonNode first = ApiClient.json(this.api.adminGet("/api/v1/admin/subscribers?sort=address"));
		assertThat(first.get("rows")).hasSize(50);
		assertThat(first.get("hasNext").asBoolean()).isTrue();
		assertThat(first.get("rows").get(0).get("email").asString()).isEqualTo("reader00@example.org");
		JsonNode second = ApiClient.json(this.api.adminGet("/api/v1/admin/subscribers?sort=address&page=1"));
		assertThat(second.get("rows")).hasSize(3);
		assertThat(second.get("hasNext").asBoolean()).isFalse();
		assertThat(this.api.adminGet("/api/v1/admin/subscribers?page=201").getStatusCode().value())
			.as("offsets stay bounded")
			.isEqualTo(400);
		assertThat(this.console.get("/admin/subscribers?sort=address").body()).contains("Next →");
	}

	@Test
	void bulkPausesTheSelectedSubscribers() {
		long ann = active("ann@example.org", "");
		long bob = active("bob@example.org", "");
		long cat = active("cat@example.org", "");
		SubscriberEvents.awaitHandled(this.jdbc);
		this.console.get("/admin/subscribers");

		var answer = this.console.post("/admin/subscribers/bulk", Map.of("action", "pause", "ids", ann + "," + bob));

		assertThat(answer.statusCode()).isEqualTo(302);
		assertThat(status(ann)).isEqualTo("PAUSED");
		assertThat(status(bob)).isEqualTo("PAUSED");
		assertThat(status(cat)).isEqualTo("ACTIVE");
		assertThat(this.console.get("/admin/subscribers").body())
			.contains("Paused: 2 of 2 selected subscribers changed.");
		SubscriberEvents.awaitHandled(this.jdbc);
		assertThat(
				this.jdbc.sql("select count(*) from event_publication where event_type like '%SubscriberEvent$Paused'")
					.query(Long.class)
					.single())
			.as("one Paused event per subscriber, for digest and matching")
			.isGreaterThanOrEqualTo(2);

		JsonNode api = ApiClient.json(postJson("/api/v1/admin/subscribers/bulk",
				"{\"action\": \"resume\", \"ids\": [" + ann + ", " + bob + ", " + cat + "]}"));
		assertThat(api.get("changed").asInt()).as("cat was not paused").isEqualTo(2);
		assertThat(status(ann)).isEqualTo("ACTIVE");
	}

	@Test
	void erasesOnlyAfterTheConfirmStep() {
		long ann = active("ann@example.org", "");
		this.console.get("/admin/subscribers");
		var ask = this.console.post("/admin/subscribers/bulk", Map.of("action", "erase", "ids", String.valueOf(ann)));
		assertThat(ask.statusCode()).isEqualTo(200);
		assertThat(ask.body()).contains("Erase subscribers?", "ann@example.org");
		assertThat(status(ann)).isEqualTo("ACTIVE");

		this.console.post("/admin/subscribers/bulk",
				Map.of("action", "erase", "ids", String.valueOf(ann), "confirmed", "true"));
		assertThat(this.subscriptions.find(ann)).isEmpty();
	}

	@Test
	void viewerSeesButCannotBulk() {
		long ann = active("ann@example.org", "");
		ConsoleClient.user(this.context, "viewer", Role.VIEWER, VIEWER_PASSWORD);
		ConsoleClient viewer = new ConsoleClient(this.port);
		viewer.login("viewer", VIEWER_PASSWORD);

		String page = viewer.get("/admin/subscribers").body();
		assertThat(page).contains("ann@example.org").doesNotContain("With the selected", "Import CSV");
		assertThat(viewer.post("/admin/subscribers/bulk", Map.of("action", "pause", "ids", String.valueOf(ann)))
			.statusCode()).isEqualTo(403);
		assertThat(status(ann)).isEqualTo("ACTIVE");
	}

	@Test
	void importReportsEveryLineAndGoesOnPastBadOnes() {
		active("taken@example.org", "");
		String csv = """
				email,interests,categories,delivery_hour
				good@example.org,Spiking neural networks,cs.NE;-cs.CV,8
				not-an-address,Anything,,
				taken@example.org,,,
				"=HYPERLINK(""http://evil.example"")",,,
				other@example.org,@SUM(A1),,
				good@example.org,Again,,
				long@example.org,%s,,
				hour@example.org,,,25
				"quoted, fine"@example.org,,,
				short@example.org,,
				""".formatted("x".repeat(1001));

		ResponseEntity<String> started = this.api.rest()
			.post()
			.uri("/api/v1/admin/subscriber-imports")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + ApiClient.ADMIN_TOKEN)
			.contentType(MediaType.parseMediaType("text/csv"))
			.body(csv)
			.retrieve()
			.toEntity(String.class);
		assertThat(started.getStatusCode().value()).isEqualTo(202);
		String location = started.getHeaders().getLocation().toString();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> ApiClient.json(this.api.adminGet(location)).get("finished").asBoolean());
		JsonNode run = ApiClient.json(this.api.adminGet(location));

		assertThat(run.get("total").asInt()).isEqualTo(10);
		assertThat(run.get("imported").asInt()).isEqualTo(1);
		assertThat(reason(run, 2)).isNull();
		assertThat(reason(run, 3)).isEqualTo("email is not a valid email address");
		assertThat(reason(run, 4)).isEqualTo("already subscribed");
		assertThat(reason(run, 5)).contains("formula");
		assertThat(reason(run, 6)).startsWith("interests starts with \"@\"");
		assertThat(reason(run, 7)).isEqualTo("duplicate of line 2");
		assertThat(reason(run, 8)).isEqualTo("interests is longer than 1000 characters");
		assertThat(reason(run, 9)).contains("delivery hour");
		assertThat(reason(run, 10)).contains("email is not a valid");
		assertThat(reason(run, 11)).isEqualTo("has 3 cells where the header has 4");
		Subscriber good = this.subscriptions.find(id("good@example.org")).orElseThrow();
		assertThat(good.status()).isEqualTo(Subscriber.Status.ACTIVE);
		assertThat(good.profile().categories()).containsExactly("cs.NE", "-cs.CV");
		assertThat(this.subscriptions.consents(good.id())).extracting(Consent::action)
			.containsExactly("OPERATOR_IMPORT");

		String page = this.console.get("/admin/subscribers/import/" + run.get("id").asString()).body();
		assertThat(page).contains("Finished: 10 of 10 lines.", "duplicate of line 2").doesNotContain("hx-trigger");
		String polled = this.console.get("/admin/subscribers/import/" + run.get("id").asString() + "/progress").body();
		assertThat(polled).as("what the page's polling swaps in")
			.startsWith("<div id=\"import-progress\"")
			.contains("Finished: 10 of 10 lines.");

		ResponseEntity<String> wrongHeader = this.api.rest()
			.post()
			.uri("/api/v1/admin/subscriber-imports")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + ApiClient.ADMIN_TOKEN)
			.contentType(MediaType.parseMediaType("text/csv"))
			.body("mail,name\nann@example.org,Ann\n")
			.retrieve()
			.toEntity(String.class);
		assertThat(wrongHeader.getStatusCode().value()).isEqualTo(400);
		assertThat(ApiClient.json(wrongHeader).get("detail").asString()).contains("wrong header", "\"mail\"");
	}

	@Test
	void exportNeutralisesFormulas() {
		active("=cmd@example.org", "+SUM(A1) and more");
		active("plain@example.org", "Plain, with a comma");
		ResponseEntity<String> csv = this.api.adminGet("/api/v1/admin/subscribers/export.csv?sort=address");
		assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
		List<String> lines = csv.getBody().lines().toList();
		assertThat(lines.get(0)).isEqualTo("id,email,status,interests,keywords,created_at,confirmed_at");
		assertThat(lines.get(1)).contains(",'=cmd@example.org,ACTIVE,'+SUM(A1) and more,");
		assertThat(lines.get(2)).contains(",plain@example.org,ACTIVE,\"Plain, with a comma\",");
		assertThat(lines).hasSize(3);

		String console = this.console.get("/admin/subscribers/export.csv?q=plain").body();
		assertThat(console.lines().toList()).hasSize(2);
	}

	private long active(String address, String interests) {
		return this.subscriptions.importActive(
				EmailAddress.parse(address).orElseThrow(), new Profile(interests, "", List.of(), List.of(),
						Profile.Cadence.DAILY, DayOfWeek.MONDAY, 7, ZoneId.of("UTC"), 10),
				List.of(), new ClientInfo("127.0.0.1", "test"));
	}

	private List<Long> ids(String query) {
		JsonNode page = ApiClient.json(this.api.adminGet("/api/v1/admin/subscribers?" + query));
		return page.get("rows").valueStream().map((row) -> row.get("id").asLong()).toList();
	}

	private String status(long id) {
		return this.jdbc.sql("select status from subscriber where id = ?").param(id).query(String.class).single();
	}

	private long id(String address) {
		return this.jdbc.sql("select id from subscriber where email_key = ?").param(address).query(Long.class).single();
	}

	private static String reason(JsonNode run, int line) {
		for (JsonNode entry : run.get("lines")) {
			if (entry.get("line").asInt() == line) {
				return entry.get("reason").isNull() ? null : entry.get("reason").asString();
			}
		}
		throw new AssertionError("no line " + line + " in " + run);
	}

	private ResponseEntity<String> postJson(String path, String json) {
		return this.api.rest()
			.post()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + ApiClient.ADMIN_TOKEN)
			.contentType(MediaType.APPLICATION_JSON)
			.body(json)
			.retrieve()
			.toEntity(String.class);
	}

}
