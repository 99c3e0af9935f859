/**
 * Paper files: their formats, the import directory, the upload and the
 * {@code paperboy import} command.
 */
@NullMarked
package dev.paperboy.ingest.files;

import org.jspecify.annotations.NullMarked;
