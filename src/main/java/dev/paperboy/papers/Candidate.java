package dev.paperboy.papers;

import org.jspecify.annotations.Nullable;

/**
 * A paper the matcher may pick, with its vector when it has one yet.
 *
 * @param id the paper's row id
 * @param paper the paper
 * @param vector its unit vector under the requested model, or null while it waits for one
 */
public record Candidate(long id, Paper paper, float @Nullable [] vector) {

}
