package dev.paperboy.subscription;

import java.net.http.HttpResponse;
import java.util.List;

import dev.paperboy.DatabaseCleaner;
import dev.paperboy.PaperboyTest;
import dev.paperboy.papers.PaperCatalog;
import dev.paperboy.papers.PaperKeys;
import dev.paperboy.papers.PaperRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "More like this" and "less like this" in the preference centre: given, shown, undone,
 * exported.
 */
@PaperboyTest
class FeedbackTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Tokens tokens;

	@Autowired
	PaperCatalog catalog;

	@BeforeEach
	void clean() {
		DatabaseCleaner.clean(this.jdbc);
	}

	@Test
	void recordsShowsUndoesAndExportsFeedback() {
		this.catalog.save(List.of(PaperRecord.of("file", "Graph neural networks at scale", "Graphs everywhere.")));
		String key = PaperKeys.titleKey("Graph neural networks at scale");
		long id = this.jdbc.sql("""
				insert into subscriber (email, email_key, status, interests) values
				('hal@example.org', 'hal@example.org', 'ACTIVE', 'Graph neural networks') returning id
				""").query(Long.class).single();
		Browserless web = new Browserless(this.port);
		String manage = "/manage/" + this.tokens.issue(id, TokenPurpose.MANAGE);

		HttpResponse<String> given = web.postForm(manage + "/feedback", "paper=" + key + "&vote=less");

		assertThat(given.statusCode()).isEqualTo(200);
		assertThat(given.body()).contains("Less like").contains("Graph neural networks at scale");
		assertThat(this.jdbc.sql("select vote from feedback").query(Integer.class).single()).isEqualTo(-1);
		web.postForm(manage + "/feedback", "paper=" + key + "&vote=more");
		assertThat(this.jdbc.sql("select vote from feedback").query(Integer.class).single()).as("one vote per paper")
			.isEqualTo(1);
		assertThat(web.postForm(manage + "/export", "").body()).contains("\"paperKey\" : \"" + key + "\"");

		web.postForm(manage + "/feedback/undo", "paper=" + key);

		assertThat(this.jdbc.sql("select count(*) from feedback").query(Long.class).single()).isZero();
		assertThat(web.postForm("/manage/not-a-token/feedback", "paper=" + key + "&vote=more").statusCode())
			.isEqualTo(404);
	}

}
