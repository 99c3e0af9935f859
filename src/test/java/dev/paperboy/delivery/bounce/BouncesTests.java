package dev.paperboy.delivery.bounce;

import dev.paperboy.DatabaseCleaner;
import dev.paperboy.PaperboyTest;
import dev.paperboy.delivery.Suppressions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What bounces and complaints do to the suppression list, whoever reports them.
 */
@PaperboyTest
class BouncesTests {

	@Autowired
	Bounces bounces;

	@Autowired
	Suppressions suppressions;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void clean() {
		DatabaseCleaner.clean(this.jdbc);
	}

	@Test
	void suppressesAtTheThirdSoftBounce() {
		this.bounces.softBounce("ada@example.org", "452 mailbox full");
		this.bounces.softBounce("ada@example.org", "452 mailbox full");
		assertThat(this.suppressions.isSuppressed("ada@example.org")).isFalse();

		this.bounces.softBounce("Ada@Example.org ", "452 mailbox full");

		assertThat(this.suppressions.isSuppressed("ada@example.org")).isTrue();
		assertThat(reason()).isEqualTo("3 soft bounces within 30 days (smtp): 452 mailbox full");
		assertThat(this.jdbc.sql("select count(*) from soft_bounce").query(Integer.class).single()).isZero();
	}

	@Test
	void startsCountingAgainWhenTheWindowHasPassed() {
		this.bounces.softBounce("ada@example.org", "452 mailbox full");
		this.bounces.softBounce("ada@example.org", "452 mailbox full");
		this.jdbc.sql("update soft_bounce set window_start = now() - interval '31 days'").update();

		this.bounces.softBounce("ada@example.org", "452 mailbox full");
		this.bounces.softBounce("ada@example.org", "452 mailbox full");

		assertThat(this.suppressions.isSuppressed("ada@example.org")).isFalse();
		assertThat(this.jdbc.sql("select bounces from soft_bounce").query(Integer.class).single()).isEqualTo(2);
	}

	@Test
	void suppressesAtOnceOnAHardBounce() {
		this.bounces.hardBounce("ada@example.org", "550 5.1.1 user unknown");

		assertThat(this.suppressions.isSuppressed("ada@example.org")).isTrue();
		assertThat(reason()).isEqualTo("hard bounce (smtp): 550 5.1.1 user unknown");
	}

	@Test
	void suppressesAtOnceOnAComplaint() {
		this.bounces.complaint("ada@example.org", null);

		assertThat(this.suppressions.isSuppressed("ada@example.org")).isTrue();
		assertThat(reason()).isEqualTo("complaint (smtp)");
	}

	@Test
	void keepsNeitherTheAddressNorLineBreaks() {
		this.bounces.hardBounce("ada@example.org",
				"550 <ada@example.org>: no such user\r\nX-Injected: yes\u0000 " + "x".repeat(500));

		String detail = this.jdbc.sql("select detail from bounce_event").query(String.class).single();
		String hash = this.jdbc.sql("select address_hash from bounce_event").query(String.class).single();
		assertThat(detail).startsWith("550 <(address)>: no such user X-Injected: yes x").hasSize(200).endsWith("...");
		assertThat(hash).matches("[0-9a-f]{64}");
		assertThat(reason()).doesNotContain("ada@example.org", "\r", "\n", "\u0000");
	}

	@Test
	void recordsAProviderEventOnce() {
		assertThat(this.bounces.record("ses", "message-1", Bounces.Kind.SOFT, "ada@example.org", "busy")).isTrue();
		assertThat(this.bounces.record("ses", "message-1", Bounces.Kind.SOFT, "ada@example.org", "busy")).isFalse();
		assertThat(this.bounces.record("ses", "message-1", Bounces.Kind.SOFT, "bob@example.org", "busy")).isTrue();
		assertThat(this.bounces.record("sendgrid", "message-1", Bounces.Kind.SOFT, "ada@example.org", "busy")).isTrue();

		assertThat(this.jdbc.sql("select bounces from soft_bounce order by bounces").query(Integer.class).list())
			.containsExactly(1, 2);
	}

	private String reason() {
		return this.jdbc.sql("select reason from suppression").query(String.class).single();
	}

}
