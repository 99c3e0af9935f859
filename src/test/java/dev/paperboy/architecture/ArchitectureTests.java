package dev.paperboy.architecture;

import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Spring Modulith's verification leaves open: it keeps other modules out of a
 * module's sub-packages, but every public type in a module's root package is API. These
 * rules keep what is never API out of it, whatever package it sits in: classes that run
 * SQL, repositories and web controllers are not public. Each rule is shown to fail on the
 * fixture application in {@code archfixture}.
 */
class ArchitectureTests {

	static final ArchRule SQL_RUNNERS_ARE_NOT_PUBLIC = noClasses().that(runSql())
		.should()
		.bePublic()
		.because("a module's tables are reached through its API, never by another module's SQL");

	static final ArchRule REPOSITORIES_ARE_NOT_PUBLIC = noClasses().that()
		.areAnnotatedWith(Repository.class)
		.should()
		.bePublic()
		.because("a repository is how its module reaches its own tables");

	static final ArchRule CONTROLLERS_ARE_NOT_PUBLIC = noClasses().that()
		.areMetaAnnotatedWith(Controller.class)
		.should()
		.bePublic()
		.because("no code calls a controller: requests do");

	private static final JavaClasses PAPERBOY = new ClassFileImporter()
		.withImportOption(new ImportOption.DoNotIncludeTests())
		.importPackages("dev.paperboy");

	private static final JavaClasses FIXTURE = new ClassFileImporter().importPackages("archfixture");

	@Test
	void classesThatRunSqlAreNotPublic() {
		SQL_RUNNERS_ARE_NOT_PUBLIC.check(PAPERBOY);
	}

	@Test
	void repositoriesAreNotPublic() {
		REPOSITORIES_ARE_NOT_PUBLIC.check(PAPERBOY);
	}

	@Test
	void webControllersAreNotPublic() {
		CONTROLLERS_ARE_NOT_PUBLIC.check(PAPERBOY);
	}

	@Test
	void eachRuleRejectsThePublicClassOfTheFixture() {
		assertThat(violators(SQL_RUNNERS_ARE_NOT_PUBLIC)).containsExactly("archfixture.shelf.ShelfRepository");
		assertThat(violators(REPOSITORIES_ARE_NOT_PUBLIC)).containsExactly("archfixture.shelf.ShelfRepository");
		assertThat(violators(CONTROLLERS_ARE_NOT_PUBLIC)).containsExactly("archfixture.shelf.web.ShelfController");
	}

	@Test
	void eachRuleHasPaperboyClassesToJudge() {
		assertThat(PAPERBOY.that(runSql())).hasSizeGreaterThan(5);
		assertThat(PAPERBOY.stream().filter((type) -> type.isAnnotatedWith(Repository.class))).isNotEmpty();
		assertThat(PAPERBOY.stream().filter((type) -> type.isMetaAnnotatedWith(Controller.class)))
			.hasSizeGreaterThan(5);
	}

	private static Set<String> violators(ArchRule rule) {
		EvaluationResult result = rule.evaluate(FIXTURE);
		return Set.copyOf(result.getFailureReport()
			.getDetails()
			.stream()
			.map((detail) -> detail.substring(detail.indexOf('<') + 1, detail.indexOf('>')))
			.toList());
	}

	private static DescribedPredicate<JavaClass> runSql() {
		return DescribedPredicate.describe("hold a JdbcClient or a JdbcTemplate",
				(type) -> type.getFields()
					.stream()
					.anyMatch((field) -> field.getRawType().isAssignableTo(JdbcClient.class)
							|| field.getRawType().isAssignableTo(JdbcOperations.class)
							|| field.getRawType().isAssignableTo(NamedParameterJdbcOperations.class)));
	}

}
