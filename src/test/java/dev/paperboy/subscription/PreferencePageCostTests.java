package dev.paperboy.subscription;

import java.net.http.HttpResponse;
import java.util.List;

import dev.paperboy.DatabaseCleaner;
import dev.paperboy.PaperboyTest;
import dev.paperboy.papers.PaperCatalog;
import dev.paperboy.papers.PaperRecord;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opening the preference centre costs no ranking: the next digest's preview is its own
 * page, ranked once per subscriber and what they told us, then served from memory until
 * that changes.
 */
@PaperboyTest
class PreferencePageCostTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Tokens tokens;

	@Autowired
	PaperCatalog catalog;

	@Autowired
	MeterRegistry meters;

	@BeforeEach
	void clean() {
		DatabaseCleaner.clean(this.jdbc);
	}

	@Test
	void viewingThePreferencePageRunsNoMatcher() {
		this.catalog.save(List.of(PaperRecord.of("file", "Graph neural networks at scale", "Graphs everywhere.")));
		long id = subscriber("ada@example.org", "Graph neural networks");
		Browserless web = new Browserless(this.port);
		String manage = "/manage/" + this.tokens.issue(id, TokenPurpose.MANAGE);
		long before = matcherRuns();

		List<HttpResponse<String>> views = List.of(web.get(manage), web.get(manage), web.get(manage));

		assertThat(matcherRuns()).as("candidate sets loaded by three views of the preference page").isEqualTo(before);
		assertThat(views).allSatisfy((page) -> {
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).contains("Your preferences").contains(manage + "/preview");
		});
	}

	@Test
	void thePreviewIsRankedOnceUntilTheProfileChanges() {
		this.catalog.save(List.of(PaperRecord.of("file", "Graph neural networks at scale", "Graphs everywhere.")));
		long id = subscriber("grace@example.org", "");
		Browserless web = new Browserless(this.port);
		String manage = "/manage/" + this.tokens.issue(id, TokenPurpose.MANAGE);
		long before = matcherRuns();

		HttpResponse<String> first = web.get(manage + "/preview");
		HttpResponse<String> again = web.get(manage + "/preview");

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.body()).contains("Preview of your next digest")
			.contains("these are the trending papers")
			.contains("Graph neural networks at scale");
		assertThat(again.body()).contains("Graph neural networks at scale");
		assertThat(matcherRuns()).as("a second look is served from the cache").isEqualTo(before + 1);

		web.postForm(manage, "interests=Protein+folding&cadence=DAILY&deliveryHour=7&timeZone=UTC&papersPerDigest=10");
		web.get(manage + "/preview");

		assertThat(matcherRuns()).as("a changed profile is ranked again").isEqualTo(before + 2);
		assertThat(web.get("/manage/not-a-token/preview").statusCode()).isEqualTo(404);
	}

	// With no interests, the preview holds the period's trending papers.
	private long subscriber(String email, String interests) {
		return this.jdbc.sql("""
				insert into subscriber (email, email_key, status, interests) values
				(:email, :email, 'ACTIVE', :interests) returning id
				""").param("email", email).param("interests", interests).query(Long.class).single();
	}

	private long matcherRuns() {
		return this.meters.get("paperboy.matching.candidate.loads").timer().count();
	}

}
