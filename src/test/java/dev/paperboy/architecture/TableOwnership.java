package dev.paperboy.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.paperboy.ModuleTables;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Checks that each module's SQL names only the tables the module declares with
 * {@link ModuleTables}, and that every table the migrations create has exactly one owner.
 * Shared tables (those of frameworks, which no module owns) may be named anywhere.
 * <p>
 * The SQL is every string literal and text block in the module's Java sources; a table is
 * a known name (created by a migration, declared or shared) after {@code from},
 * {@code join}, {@code into}, {@code update}, {@code table}, {@code references},
 * {@code using} or {@code truncate}, or in a comma-separated {@code from} list. Other
 * words after those keywords (English in a message, functions, aliases) are not tables
 * and are ignored.
 *
 * @param modules the application's modules
 * @param sourceRoot the directory holding the modules' Java sources by package
 * @param created the tables the migrations create
 * @param shared the tables any module may name
 */
record TableOwnership(ApplicationModules modules, Path sourceRoot, Set<String> created, Set<String> shared) {

	private static final String NAME = "(?:[a-z_][a-z0-9_]*\\.)?([a-z_][a-z0-9_]*)";

	private static final Pattern TABLE_AFTER_KEYWORD = Pattern.compile(
			"\\b(from|join|into|update|table|references|using|truncate)\\s+(?:only\\s+)?(?:if\\s+(?:not\\s+)?exists\\s+)?"
					+ NAME);

	private static final Pattern NEXT_IN_FROM_LIST = Pattern
		.compile("(?:\\s+(?:as\\s+)?[a-z_][a-z0-9_]*)?\\s*,\\s*(?:lateral\\s+)?" + NAME);

	private static final Pattern CREATE_TABLE = Pattern
		.compile("\\bcreate\\s+(?:unlogged\\s+)?table\\s+(?:if\\s+not\\s+exists\\s+)?" + NAME);

	private static final Pattern JPA_TABLE = Pattern.compile("@Table\\(\\s*name\\s*=\\s*\"([a-z_][a-z0-9_]*)\"");

	private static final Pattern DROP_TABLE = Pattern.compile("\\bdrop\\s+table\\s+(?:if\\s+exists\\s+)?" + NAME);

	/**
	 * The tables the migrations in a directory leave behind: those created and not
	 * dropped again, in version order.
	 * @param migrations a directory of Flyway {@code V<n>__<name>.sql} files
	 * @return the table names
	 */
	static Set<String> createdBy(Path migrations) {
		Set<String> tables = new TreeSet<>();
		try (Stream<Path> files = Files.list(migrations)) {
			List<Path> ordered = files.filter((file) -> file.getFileName().toString().matches("V\\d+__.*\\.sql"))
				.sorted((a, b) -> Integer.compare(version(a), version(b)))
				.toList();
			for (Path file : ordered) {
				String sql = Files.readString(file).toLowerCase(Locale.ROOT);
				names(CREATE_TABLE, sql).forEach(tables::add);
				names(DROP_TABLE, sql).forEach(tables::remove);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return tables;
	}

	/**
	 * Everything wrong, one line each: undeclared modules, tables with no owner or two,
	 * declared tables no migration creates, and SQL naming a table the module does not
	 * own (with the file, line and table).
	 * @return the violations, empty when every module keeps to its tables
	 */
	List<String> violations() {
		Map<String, String> owners = new TreeMap<>();
		List<String> violations = new ArrayList<>();
		for (ApplicationModule module : this.modules) {
			for (String table : declared(module, violations)) {
				String previous = owners.putIfAbsent(table, module.getIdentifier().toString());
				if (previous != null) {
					violations
						.add("table " + table + " is declared by both " + previous + " and " + module.getIdentifier());
				}
				if (!this.created.contains(table) && !this.shared.contains(table)) {
					violations
						.add(module.getIdentifier() + " declares table " + table + ", which no migration creates");
				}
			}
		}
		for (String table : this.created) {
			if (!owners.containsKey(table) && !this.shared.contains(table)) {
				violations.add("table " + table + " has no owner: declare it in one module's @ModuleTables");
			}
		}
		for (ApplicationModule module : this.modules) {
			violations.addAll(foreignTables(module, owners));
		}
		return violations;
	}

	private static Collection<String> declared(ApplicationModule module, List<String> violations) {
		var declaration = module.getBasePackage().getAnnotation(ModuleTables.class);
		if (declaration.isEmpty()) {
			violations.add(module.getIdentifier() + " declares no tables: add @ModuleTables to "
					+ module.getBasePackage().getName() + "'s package-info.java (empty when it owns none)");
			return List.of();
		}
		return List.of(declaration.get().value());
	}

	/**
	 * The known tables each module's SQL names, whoever owns them.
	 * @return the tables by module name
	 */
	Map<String, Set<String>> named() {
		Map<String, Set<String>> named = new TreeMap<>();
		Set<String> known = known();
		for (ApplicationModule module : this.modules) {
			Set<String> tables = new TreeSet<>();
			forEachMention(module, known, (file, line, table) -> tables.add(table));
			named.put(module.getIdentifier().toString(), tables);
		}
		return named;
	}

	private List<String> foreignTables(ApplicationModule module, Map<String, String> owners) {
		String name = module.getIdentifier().toString();
		List<String> violations = new ArrayList<>();
		forEachMention(module, known(), (file, line, table) -> {
			String owner = owners.get(table);
			if (this.shared.contains(table) || name.equals(owner)) {
				return;
			}
			String where = this.sourceRoot.relativize(file) + ":" + line;
			violations.add((owner != null) ? where + ": " + name + " names table " + table + ", owned by " + owner
					: where + ": " + name + " names table " + table + ", which no module declares");
		});
		return violations;
	}

	private Set<String> known() {
		Set<String> known = new TreeSet<>(this.created);
		known.addAll(this.shared);
		for (ApplicationModule module : this.modules) {
			module.getBasePackage()
				.getAnnotation(ModuleTables.class)
				.ifPresent((declaration) -> known.addAll(List.of(declaration.value())));
		}
		return known;
	}

	private void forEachMention(ApplicationModule module, Set<String> known, MentionHandler handler) {
		Path directory = this.sourceRoot.resolve(module.getBasePackage().getName().replace('.', '/'));
		for (Path file : javaFiles(directory)) {
			String source = read(file);
			for (JavaStrings.Literal literal : JavaStrings.in(source)) {
				for (Mention mention : mentions(literal.text(), known)) {
					handler.handle(file, literal.line() + mention.line(), mention.table());
				}
			}
			// a JPA entity names its table in its mapping, not in SQL
			Matcher entity = JPA_TABLE.matcher(source);
			while (entity.find()) {
				if (known.contains(entity.group(1))) {
					int line = 1 + (int) source.substring(0, entity.start()).chars().filter((c) -> c == '\n').count();
					handler.handle(file, line, entity.group(1));
				}
			}
		}
	}

	/**
	 * Handles a table named in a source file.
	 */
	private interface MentionHandler {

		void handle(Path file, int line, String table);

	}

	/**
	 * The known tables a piece of SQL names.
	 * @param sql the SQL
	 * @param known the table names to look for
	 * @return the tables named, in order of first mention
	 */
	static Set<String> tablesIn(String sql, Set<String> known) {
		Set<String> tables = new LinkedHashSet<>();
		mentions(sql, known).forEach((mention) -> tables.add(mention.table()));
		return tables;
	}

	/**
	 * Each mention of a known table in a piece of SQL.
	 * @param sql the SQL
	 * @param known the table names to look for
	 * @return the mentions, in order
	 */
	static List<Mention> mentions(String sql, Set<String> known) {
		String text = sql.toLowerCase(Locale.ROOT);
		List<Mention> mentions = new ArrayList<>();
		Matcher matcher = TABLE_AFTER_KEYWORD.matcher(text);
		while (matcher.find()) {
			mentions.add(new Mention(matcher.group(2), lineIn(text, matcher.start(2))));
			if (matcher.group(1).equals("from")) {
				Matcher next = NEXT_IN_FROM_LIST.matcher(text);
				next.region(matcher.end(), text.length());
				while (next.lookingAt()) {
					mentions.add(new Mention(next.group(1), lineIn(text, next.start(1))));
					next.region(next.end(), text.length());
				}
			}
		}
		return mentions.stream().filter((mention) -> known.contains(mention.table())).toList();
	}

	private static int lineIn(String text, int offset) {
		return (int) text.substring(0, offset).chars().filter((c) -> c == '\n').count();
	}

	/**
	 * A table named in a piece of SQL.
	 *
	 * @param table the table
	 * @param line the line of the SQL it is named on, from 0
	 */
	record Mention(String table, int line) {

	}

	private static List<String> names(Pattern pattern, String sql) {
		List<String> names = new ArrayList<>();
		Matcher matcher = pattern.matcher(sql);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	private static int version(Path migration) {
		String name = migration.getFileName().toString();
		return Integer.parseInt(name.substring(1, name.indexOf("__")));
	}

	private static List<Path> javaFiles(Path directory) {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(directory)) {
			return files.filter((file) -> file.toString().endsWith(".java")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
