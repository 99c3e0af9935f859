package dev.paperboy.ingest.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

import dev.paperboy.ingest.FetchRun;
import dev.paperboy.ingest.Trigger;
import dev.paperboy.ingest.files.FileImporter;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Upload of paper files (multipart field {@code file}); the answer is the finished run,
 * or with {@code wait=false} the running one (202, its address in Location) to follow.
 */
@RestController
class ImportController {

	private final FileImporter importer;

	ImportController(FileImporter importer) {
		this.importer = importer;
	}

	@PostMapping("/api/v1/admin/imports")
	ResponseEntity<FetchRun> upload(@RequestParam("file") MultipartFile file,
			@RequestParam(defaultValue = "true") boolean wait) throws IOException {
		if (!wait) {
			FetchRun run = Uploads.begin(this.importer, file);
			return ResponseEntity.accepted().location(URI.create("/api/v1/admin/fetch-runs/" + run.id())).body(run);
		}
		String name = Uploads.name(file);
		try (InputStream in = file.getInputStream()) {
			return ResponseEntity
				.ok(this.importer.importStream(FileImporter.SOURCE, "upload " + name, in, Trigger.IMPORT));
		}
	}

}
