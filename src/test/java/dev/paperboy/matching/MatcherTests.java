package dev.paperboy.matching;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.paperboy.ApiClient;
import dev.paperboy.DatabaseCleaner;
import dev.paperboy.PaperboyTest;
import dev.paperboy.SubscriberEvents;
import dev.paperboy.papers.PaperCatalog;
import dev.paperboy.papers.PaperLinks;
import dev.paperboy.papers.PaperRecord;
import dev.paperboy.subscription.ClientInfo;
import dev.paperboy.subscription.EmailAddress;
import dev.paperboy.subscription.Profile;
import dev.paperboy.subscription.SubscriptionService;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@PaperboyTest
class MatcherTests {

	@LocalServerPort
	int port;

	@Autowired
	Matcher matcher;

	@Autowired
	PaperCatalog catalog;

	@Autowired
	PaperEmbedder embedder;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SubscriberMatching matching;

	@Autowired
	TextEmbedder textEmbedder;

	@Autowired
	SubscriptionService subscriptions;

	@BeforeEach
	void papers() {
		DatabaseCleaner.clean(this.jdbc);
		this.catalog.save(List.of(
				paper("2601.00001", "A survey of spiking neural networks",
						"We survey spiking neural networks, neuromorphic hardware and training methods.",
						List.of("Ada Lovelace"), 5),
				paper("2601.00002", "Training spiking neural networks with surrogate gradients",
						"Surrogate gradients make deep spiking neural networks trainable on neuromorphic chips.",
						List.of("Alan Turing"), 12),
				paper("2601.00003", "Contract law in medieval Venice",
						"A legal history of commercial contracts in the Venetian republic.", List.of("Yann LeCun"), 3),
				paper("2601.00004", "Scaling laws for large language models",
						"We study how language model loss scales with parameters and data.", List.of("Grace Hopper"),
						250),
				paper("2601.00005", "Diffusion models for image generation", "Denoising diffusion produces images.",
						List.of("Edsger Dijkstra"), 90)));
		this.embedder.embedAll();
	}

	@Test
	void ranksByInterestsWithReasons() {
		Selection selection = select(profile("Spiking neural networks for neuromorphic hardware", "", List.of()));

		assertThat(selection.trending()).isFalse();
		assertThat(selection.papers()).extracting(Match::key).startsWith("2601.00001").doesNotContain("2601.00003");
		assertThat(selection.papers().get(0).reasons())
			.anyMatch((reason) -> reason.startsWith("close to your interest"));
	}

	@Test
	void removesAPaperWithAnExcludedKeywordEvenWhenItWouldRankFirst() {
		Profile profile = profile("Spiking neural networks for neuromorphic hardware",
				"\"spiking neural\" OR neuromorphic -survey", List.of());

		Selection selection = select(profile);

		assertThat(selection.papers()).extracting(Match::key).doesNotContain("2601.00001").startsWith("2601.00002");
		assertThat(selection.papers().get(0).reasons()).contains("matches your keyword 'spiking neural'");
		assertThat(select(profile("Spiking neural networks for neuromorphic hardware", "", List.of())).papers())
			.extracting(Match::key)
			.as("without the exclusion it ranks first")
			.startsWith("2601.00001");
	}

	@Test
	void includesAFollowedAuthorsPaperWithItsReason() {
		Selection selection = select(profile("Spiking neural networks", "", List.of("yann lecun")));

		assertThat(selection.papers()).filteredOn((match) -> match.key().equals("2601.00003"))
			.singleElement()
			.satisfies((match) -> assertThat(match.reasons()).contains("by Yann LeCun, whom you follow"));
	}

	@Test
	void learnsTheAuthorsOfLikedPapersAndSaysSo() {
		this.catalog.save(List.of(paper("2601.00006", "On computable numbers",
				"An application to the decision problem, with a universal machine.", List.of("Alan Turing"), 1)));
		this.embedder.embedAll();

		Selection selection = this.matcher.select(profile("", "", List.of()), Set.of("2601.00002"), Set.of(),
				Instant.now());

		assertThat(selection.papers()).filteredOn((match) -> match.key().equals("2601.00006"))
			.singleElement()
			.satisfies((match) -> assertThat(match.reasons()).contains(
					"by Alan Turing, an author of 'Training spiking neural networks with surrogate gradients', which you liked"));
		Selection disliked = this.matcher.select(profile("Computable numbers and universal machines", "", List.of()),
				Set.of(), Set.of("2601.00002"), Set.of(), Instant.now());
		Selection neutral = this.matcher.select(profile("Computable numbers and universal machines", "", List.of()),
				Set.of(), Set.of(), Set.of(), Instant.now());
		assertThat(score(disliked, "2601.00006")).as("less like this lowers the author's other papers")
			.isLessThan(score(neutral, "2601.00006"));
	}

	private static double score(Selection selection, String key) {
		return selection.papers()
			.stream()
			.filter((match) -> match.key().equals(key))
			.mapToDouble(Match::score)
			.findFirst()
			.orElse(Double.NEGATIVE_INFINITY);
	}

	@Test
	void leavesOutExcludedCategoriesAndPapersBelowTheMinimumUpvotes() {
		this.jdbc.sql("update paper set categories = '{cs.NE}' where key in ('2601.00001', '2601.00002')").update();
		Profile spiking = profile("Spiking neural networks for neuromorphic hardware", "", List.of());
		assertThat(select(spiking).papers()).extracting(Match::key).contains("2601.00001", "2601.00002");

		Profile withoutNe = new Profile(spiking.interests(), "", List.of(), List.of("-cs.NE"), spiking.cadence(),
				spiking.weekday(), 7, spiking.timeZone(), 10, 0);
		assertThat(select(withoutNe).papers()).extracting(Match::key).doesNotContain("2601.00001", "2601.00002");
		assertThat(select(withoutNe).trending()).as("an excluded category is not a followed one").isFalse();

		Profile popular = new Profile(spiking.interests(), "", List.of(), List.of(), spiking.cadence(),
				spiking.weekday(), 7, spiking.timeZone(), 10, 10);
		assertThat(select(popular).papers()).extracting(Match::key)
			.contains("2601.00002")
			.doesNotContain("2601.00001")
			.allSatisfy((key) -> assertThat(key).isNotIn("2601.00001", "2601.00003"));
	}

	@Test
	void givesTrendingPapersToASubscriberWithoutAProfile() {
		Selection selection = select(profile("", "", List.of()));

		assertThat(selection.trending()).isTrue();
		assertThat(selection.papers()).extracting(Match::key).startsWith("2601.00004", "2601.00005");
		assertThat(selection.papers().get(0).reasons()).containsExactly("trending: 250 upvotes");
	}

	@Test
	void ranksPapersCloseToALikedPaperWithoutItAndSaysWhy() {
		Selection selection = this.matcher.select(profile("", "", List.of()), Set.of("2601.00002"), Set.of(),
				Instant.now());

		assertThat(selection.trending()).isFalse();
		assertThat(selection.papers()).extracting(Match::key).startsWith("2601.00001").doesNotContain("2601.00002");
		assertThat(selection.papers().get(0).reasons())
			.contains("similar to 'Training spiking neural networks with surrogate gradients', which you liked");
	}

	@Test
	void lowersPapersSimilarToOneTheSubscriberWantsLessOfInTheNextPreview() {
		long id = this.jdbc.sql("""
				insert into subscriber (email, email_key, status, interests) values
				('ida@example.org', 'ida@example.org', 'ACTIVE', 'Spiking neural networks') returning id
				""").query(Long.class).single();
		ApiClient api = new ApiClient(this.port);
		List<String> before = keys(api, id);

		this.jdbc.sql("insert into feedback (subscriber_id, paper_key, vote) values (:id, '2601.00002', -1)")
			.param("id", id)
			.update();
		List<String> after = keys(api, id);

		assertThat(before).contains("2601.00001", "2601.00002");
		assertThat(after).doesNotContain("2601.00002");
		assertThat(after.indexOf("2601.00001")).as("the similar survey drops: %s -> %s", before, after)
			.isNotEqualTo(before.indexOf("2601.00001"))
			.satisfiesAnyOf((position) -> assertThat(position).isEqualTo(-1),
					(position) -> assertThat(position).isGreaterThan(before.indexOf("2601.00001")));
	}

	@Test
	void neverPicksAPaperAlreadySent() {
		Selection selection = this.matcher.select(profile("Spiking neural networks", "", List.of()),
				Set.of("2601.00001", "2601.00002"), Instant.now());

		assertThat(selection.papers()).extracting(Match::key).doesNotContain("2601.00001", "2601.00002");
	}

	@Test
	void previewsASubscribersNextDigestForAdminsOnly() {
		long id = this.jdbc.sql("""
				insert into subscriber (email, email_key, status, interests, keywords)
				values ('ada@example.org', 'ada@example.org', 'ACTIVE', 'Spiking neural networks', 'neuromorphic')
				returning id
				""").query(Long.class).single();
		ApiClient api = new ApiClient(this.port);

		assertThat(api.get("/api/v1/admin/subscribers/" + id + "/preview").getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		JsonNode preview = ApiClient.json(api.adminGet("/api/v1/admin/subscribers/" + id + "/preview"));
		JsonNode first = preview.get("papers").get(0);
		assertThat(first.get("key").asString()).startsWith("2601.0000");
		assertThat(first.get("title").isString()).isTrue();
		assertThat(first.get("score").isNumber()).isTrue();
		assertThat(first.get("reasons").isArray()).isTrue();
		assertThat(first.has("paper")).isFalse();
		assertThat(api.adminGet("/api/v1/admin/subscribers/999999/preview").getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void createsAnActiveSubscriberForAnOperatorAndPreviewsWithTheirLikedPapers() {
		ApiClient api = new ApiClient(this.port);
		String body = """
				{"email": "grace@example.org", "status": "ACTIVE", "interests": "", "keywords": "",
				 "authors": [], "categories": [], "likedPapers": ["arXiv:2601.00002v2", "Contract law in medieval Venice"],
				 "papersPerDigest": 3}
				""";

		var created = createSubscriber(api, body);
		var again = createSubscriber(api, body);

		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		long id = ApiClient.json(created).get("id").asLong();
		JsonNode preview = ApiClient.json(api.adminGet("/api/v1/admin/subscribers/" + id + "/preview"));
		assertThat(preview.get("trending").asBoolean()).isFalse();
		assertThat(preview.get("papers")).hasSizeLessThanOrEqualTo(3);
		assertThat(preview.get("papers").get(0).get("key").asString()).isEqualTo("2601.00001");
		assertThat(this.jdbc
			.sql("select status || '/' || (select action from consent where subscriber_id = s.id) "
					+ "from subscriber s")
			.query(String.class)
			.single()).isEqualTo("ACTIVE/OPERATOR_IMPORT");
	}

	private static ResponseEntity<String> createSubscriber(ApiClient api, String body) {
		return api.rest()
			.post()
			.uri("/api/v1/admin/subscribers")
			.header("Authorization", "Bearer " + ApiClient.ADMIN_TOKEN)
			.header("Content-Type", "application/json")
			.body(body)
			.retrieve()
			.toEntity(String.class);
	}

	private static List<String> keys(ApiClient api, long id) {
		List<String> keys = new ArrayList<>();
		ApiClient.json(api.adminGet("/api/v1/admin/subscribers/" + id + "/preview"))
			.get("papers")
			.forEach((paper) -> keys.add(paper.get("key").asString()));
		return keys;
	}

	@Test
	void ranksAPageOfSubscribersAsItRanksEachAloneAndStoresTheirInterestVectors() {
		long spiking = this.subscriptions.importActive(address("a@example.org"),
				profile("Spiking neural networks for neuromorphic hardware", "neuromorphic -survey", List.of()),
				List.of("2601.00004"), CLIENT);
		long author = this.subscriptions.importActive(address("b@example.org"), profile("", "", List.of("Yann LeCun")),
				List.of(), CLIENT);
		long nobody = this.subscriptions.importActive(address("c@example.org"), profile("", "", List.of()), List.of(),
				CLIENT);
		Instant now = Instant.now();
		MatchingRun run = this.matching.open(now);
		List<SubscriberMatching.Request> page = this.subscriptions.find(List.of(spiking, author, nobody))
			.stream()
			.map((subscriber) -> new SubscriberMatching.Request(subscriber, this.matching.earliest(now), Set.of()))
			.toList();

		Map<Long, Selection> selections = this.matching.select(run, page);

		for (SubscriberMatching.Request request : page) {
			Selection alone = this.matcher.select(request.subscriber().profile(),
					Set.copyOf(this.subscriptions.likedPapers(request.subscriber().id())), Set.of(), now);
			assertThat(selections.get(request.subscriber().id())).as("subscriber %d", request.subscriber().id())
				.isEqualTo(alone);
		}
		assertThat(selections.get(spiking).papers()).extracting(Match::key)
			.startsWith("2601.00002")
			.doesNotContain("2601.00001", "2601.00004");
		assertThat(selections.get(author).papers()).extracting(Match::key).containsExactly("2601.00003");
		assertThat(selections.get(nobody).trending()).isTrue();
		assertThat(this.jdbc.sql("select count(*) from profile_embedding").query(Integer.class).single())
			.as("the one subscriber with interests has a stored vector")
			.isEqualTo(1);

		// A page left out of the run's papers: papers first seen before "since" and
		// papers already sent are never picked.
		Selection sent = this.matching
			.select(run, List.of(new SubscriberMatching.Request(page.get(0).subscriber(), this.matching.earliest(now),
					Set.copyOf(
							this.jdbc.sql("select id from paper where key = '2601.00002'").query(Long.class).list()))))
			.get(spiking);
		assertThat(sent.papers()).extracting(Match::key).doesNotContain("2601.00002");
		Selection later = this.matching
			.select(run,
					List.of(new SubscriberMatching.Request(page.get(0).subscriber(), now.plusSeconds(60), Set.of())))
			.get(spiking);
		assertThat(later.papers()).isEmpty();
	}

	@Test
	void storesANewInterestVectorWhenTheInterestsChange() {
		long id = this.subscriptions.importActive(address("d@example.org"),
				profile("Spiking neural networks", "", List.of()), List.of(), CLIENT);
		SubscriberEvents.awaitHandled(this.jdbc);
		byte[] before = this.jdbc.sql("select vector from profile_embedding where subscriber_id = ?")
			.param(id)
			.query(byte[].class)
			.single();

		this.subscriptions.updateProfile(id, profile("Scaling laws for language models", "", List.of()));
		SubscriberEvents.awaitHandled(this.jdbc);

		byte[] after = this.jdbc.sql("select vector from profile_embedding where subscriber_id = ?")
			.param(id)
			.query(byte[].class)
			.single();
		assertThat(after).isNotEqualTo(before);
		assertThat(ProfileVectors.decode(after))
			.containsExactly(this.textEmbedder.embed("Scaling laws for language models"), Offset.offset(1e-6f));
	}

	private static final ClientInfo CLIENT = new ClientInfo("127.0.0.1", "test");

	private static EmailAddress address(String address) {
		return EmailAddress.parse(address).orElseThrow();
	}

	private Selection select(Profile profile) {
		return this.matcher.select(profile, Set.of(), Instant.now());
	}

	private static Profile profile(String interests, String keywords, List<String> authors) {
		return new Profile(interests, keywords, authors, List.of(), Profile.Cadence.DAILY, DayOfWeek.MONDAY, 7,
				ZoneId.of("UTC"), 10);
	}

	private static PaperRecord paper(String id, String title, String abstractText, List<String> authors, int upvotes) {
		return new PaperRecord("huggingface", id, title, abstractText, authors, List.of(), PaperLinks.forArxiv(id),
				null, null, upvotes, 0, List.of(), null);
	}

}
