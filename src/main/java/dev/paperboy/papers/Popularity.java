package dev.paperboy.papers;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A paper's Hugging Face popularity as read on one day.
 *
 * @param day the day of the reading (UTC)
 * @param upvotes upvotes that day
 * @param comments comments that day
 */
public record Popularity(LocalDate day, int upvotes, @Nullable Integer comments) {

}
