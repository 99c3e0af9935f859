package dev.paperboy.architecture;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import archfixture.FixtureApplication;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.paperboy.ModuleTables;
import dev.paperboy.Paperboy;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No module names another module's tables in its SQL, and every table has one owner
 * (declared with {@code @ModuleTables} on the module's {@code package-info.java}).
 */
class TableOwnershipTests {

	/**
	 * Tables of the frameworks (Flyway's history, Spring Modulith's event publication
	 * registry): no module owns them, any may name them.
	 */
	static final Set<String> SHARED = Set.of("flyway_schema_history", "event_publication", "event_publication_archive");

	private final TableOwnership paperboy = new TableOwnership(ApplicationModules.of(Paperboy.class),
			Path.of("src/main/java"), TableOwnership.createdBy(Path.of("db/migration")), SHARED);

	@Test
	void everyModuleNamesOnlyTheTablesItOwns() {
		assertThat(this.paperboy.violations()).isEmpty();
	}

	@Test
	void everyModuleNamesEachTableItDeclaresSoTheScanSeesItsSql() {
		this.paperboy.named().forEach((module, named) -> {
			Set<String> declared = Set.of(ApplicationModules.of(Paperboy.class)
				.getModuleByName(module)
				.flatMap((found) -> found.getBasePackage().getAnnotation(ModuleTables.class))
				.map(ModuleTables::value)
				.orElseThrow());
			assertThat(named).as(module).containsAll(declared);
		});
	}

	@Test
	void reportsEachTableAModuleNamesWithoutOwningItWithFileAndLine() {
		TableOwnership fixture = new TableOwnership(
				ApplicationModules.of(FixtureApplication.class, new ImportOption.OnlyIncludeTests()),
				Path.of("src/test/java"), TableOwnership.createdBy(Path.of("src/test/resources/archfixture")), SHARED);
		assertThat(fixture.violations()).containsExactlyInAnyOrder(
				"lending declares table loan_history, which no migration creates",
				"table loan_audit has no owner: declare it in one module's @ModuleTables",
				"archfixture/lending/Loans.java:26: lending names table shelf_book, owned by shelf",
				"archfixture/lending/Loans.java:33: lending names table loan_audit, which no module declares");
	}

	@Test
	void migrationsLeaveTheTablesTheyCreateAndDoNotDrop() {
		assertThat(TableOwnership.createdBy(Path.of("src/test/resources/archfixture")))
			.containsExactlyInAnyOrder("shelf_book", "loan", "loan_audit");
	}

	@Test
	void readsTablesAfterEveryKeywordAndInFromLists() {
		Set<String> known = Set.of("paper", "digest", "digest_paper", "subscriber", "feedback", "consent");
		assertThat(TableOwnership.tablesIn("""
				with due as (select id from digest where status = 'QUEUED' for update skip locked)
				update digest set status = 'SENDING' from due, subscriber s
				where exists (select 1 from public.consent c join feedback f using (subscriber_id))
				""", known)).containsExactly("digest", "subscriber", "consent", "feedback");
		assertThat(
				TableOwnership.tablesIn("insert into digest_paper (digest_id) select 1 from paper p, unnest(?)", known))
			.containsExactly("digest_paper", "paper");
	}

	@Test
	void ignoresWordsThatAreNotKnownTables() {
		assertThat(TableOwnership.tablesIn("could not read the feed from the digest page; update it later",
				Set.of("digest", "paper")))
			.isEmpty();
	}

	@Test
	void readsStringsButNotCommentsOrCharacters() {
		String source = """
				class Example {
					// select 1 from paper
					/* "not a string" */
					char quote = '"';
					String sql = "select 1 "
							+ "from digest";
					String block = \"""
							update digest
							set status = 'SENT'
							\""";
				}
				""";
		assertThat(JavaStrings.in(source)).containsExactly(new JavaStrings.Literal(5, "select 1 \nfrom digest"),
				new JavaStrings.Literal(7, "\n\t\t\tupdate digest\n\t\t\tset status = 'SENT'\n\t\t\t"));
	}

}
