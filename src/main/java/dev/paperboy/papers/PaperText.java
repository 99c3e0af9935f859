package dev.paperboy.papers;

/**
 * The text of a paper that an embedding is computed from.
 *
 * @param paperId the paper
 * @param textHash identifies this title and abstract; a changed paper has another
 * @param text title and abstract
 */
public record PaperText(long paperId, String textHash, String text) {

}
