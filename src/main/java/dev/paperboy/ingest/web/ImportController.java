package dev.paperboy.ingest.web;

import java.io.IOException;
import java.io.InputStream;

import dev.paperboy.ingest.FetchRun;
import dev.paperboy.ingest.Trigger;
import dev.paperboy.ingest.files.FileImporter;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * Upload of paper files (multipart field {@code file}); the answer is the finished run.
 */
@RestController
class ImportController {

	private final FileImporter importer;

	ImportController(FileImporter importer) {
		this.importer = importer;
	}

	@PostMapping("/api/v1/admin/imports")
	FetchRun upload(@RequestParam("file") MultipartFile file) throws IOException {
		if (file.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The uploaded file is empty");
		}
		String name = (file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank())
				? file.getOriginalFilename() : "upload";
		try (InputStream in = file.getInputStream()) {
			return this.importer.importStream(FileImporter.SOURCE, "upload " + name, in, Trigger.IMPORT);
		}
	}

}
