package dev.paperboy.ingest.files;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.paperboy.ingest.FetchRun;
import dev.paperboy.ingest.FetchService;
import dev.paperboy.ingest.Trigger;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code paperboy import FILE...}: imports each file as a recorded run and prints what
 * happened. Exits 0 when everything was imported, 2 when some records were rejected, 1
 * when a file could not be imported at all.
 */
@Component
@ConditionalOnProperty(name = "paperboy.command", havingValue = "import")
class ImportCommand implements ApplicationRunner, ExitCodeGenerator {

	private static final int REJECTIONS_SHOWN = 20;

	private final FileImporter importer;

	private final FetchService fetches;

	private int exitCode;

	ImportCommand(FileImporter importer, FetchService fetches) {
		this.importer = importer;
		this.fetches = fetches;
	}

	@Override
	public void run(ApplicationArguments args) {
		List<String> files = args.getNonOptionArgs().subList(1, args.getNonOptionArgs().size());
		if (files.isEmpty()) {
			System.err.println("Usage: paperboy import FILE...");
			this.exitCode = 64;
			return;
		}
		for (String name : files) {
			Path path = Path.of(name);
			if (!Files.isReadable(path)) {
				System.err.println(name + ": not a readable file");
				this.exitCode = 1;
				continue;
			}
			FetchRun run = this.importer.importFile(path, Trigger.COMMAND);
			System.out.printf("%s: %s, %d new, %d updated, %d unchanged, %d rejected (run %d)%n", name, run.status(),
					run.added(), run.updated(), run.unchanged(), run.rejected(), run.id());
			if (run.message() != null) {
				System.out.println("  " + run.message());
			}
			for (FetchRun.Rejection rejection : this.fetches.rejections(run.id(), REJECTIONS_SHOWN)) {
				System.out.println("  rejected " + rejection.record() + ": " + rejection.reason());
			}
			if (run.rejected() > REJECTIONS_SHOWN) {
				System.out.println("  ... and " + (run.rejected() - REJECTIONS_SHOWN)
						+ " more: GET /api/v1/admin/fetch-runs/" + run.id());
			}
			if (run.status() == FetchRun.Status.FAILED) {
				this.exitCode = 1;
			}
			else if (run.rejected() > 0 && this.exitCode == 0) {
				this.exitCode = 2;
			}
		}
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

}
