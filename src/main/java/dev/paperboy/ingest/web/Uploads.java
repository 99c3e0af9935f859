package dev.paperboy.ingest.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.paperboy.ingest.FetchRun;
import dev.paperboy.ingest.Trigger;
import dev.paperboy.ingest.files.FileImporter;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * An uploaded paper file, checked and handed to the importer: in the request's thread, or
 * in the background from a temporary file (the console and the API's {@code wait=false}).
 */
final class Uploads {

	private Uploads() {
	}

	static String name(@Nullable MultipartFile file) {
		if (file == null || file.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The uploaded file is empty");
		}
		return (file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank())
				? file.getOriginalFilename() : "upload";
	}

	static FetchRun begin(FileImporter importer, MultipartFile file) throws IOException {
		String name = name(file);
		Path copy = Files.createTempFile("paperboy-upload-", ".part");
		try {
			file.transferTo(copy);
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(copy);
			throw ex;
		}
		return importer.begin("upload " + name, copy, Trigger.IMPORT);
	}

}
