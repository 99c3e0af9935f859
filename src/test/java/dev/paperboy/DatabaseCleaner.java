package dev.paperboy;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Empties the tables between tests that share one database.
 */
public final class DatabaseCleaner {

	private DatabaseCleaner() {
	}

	/** Empties every table, if the schema is there yet. */
	public static final String SQL = """
			do $$ begin
			    if to_regclass('paper') is not null then
			        truncate paper, paper_popularity, fetch_run, fetch_rejection restart identity cascade;
			    end if;
			    if to_regclass('digest') is not null then
			        truncate digest_schedule, digest, digest_paper restart identity;
			    end if;
			    if to_regclass('mail_message') is not null then
			        truncate mail_message restart identity;
			    end if;
			    if to_regclass('subscriber') is not null then
			        truncate subscriber, consent, suppression restart identity cascade;
			        truncate profile_embedding;
			    end if;
			    if to_regclass('event_publication') is not null then
			        truncate event_publication, event_publication_archive;
			    end if;
			    if to_regclass('bounce_event') is not null then
			        truncate bounce_event, soft_bounce restart identity;
			    end if;
			    if to_regclass('audit_event') is not null then
			        truncate api_token, audit_event, saved_view, console_setting restart identity;
			    end if;
			    if to_regclass('sending_switch') is not null then
			        update sending_switch set paused = false, changed_by = null;
			    end if;
			    if to_regclass('digest_daily') is not null then
			        truncate subscriber_daily, subscriber_state_count, digest_daily, bounce_daily;
			    end if;
			    if to_regclass('branding') is not null then
			        truncate branding, brand_logo, suppression_change restart identity;
			    end if;
			end $$""";

	public static void clean(JdbcClient jdbc) {
		// A listener still at work on the previous test's subscribers could write for a
		// subscriber id the next test reuses.
		SubscriberEvents.awaitHandled(jdbc);
		jdbc.sql(SQL).update();
	}

}
