/**
 * Decides what each subscriber reads: paper and interest vectors from an in-process
 * model, the matcher's filters, score, reasons and diversity, matching runs over pages of
 * subscribers, and the admin preview.
 */
@ApplicationModule(displayName = "Matching")
@ModuleTables({ "profile_embedding" })
@NullMarked
package dev.paperboy.matching;

import dev.paperboy.ModuleTables;
import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
