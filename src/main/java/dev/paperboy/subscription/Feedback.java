package dev.paperboy.subscription;

import java.time.Instant;

/**
 * A subscriber's word on a paper.
 *
 * @param paperKey the paper
 * @param more true for "more like this", false for "less like this"
 * @param givenAt when
 */
public record Feedback(String paperKey, boolean more, Instant givenAt) {

}
