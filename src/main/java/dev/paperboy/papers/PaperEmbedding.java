package dev.paperboy.papers;

/**
 * A paper's vector under one embedding model.
 *
 * @param paperId the paper
 * @param textHash the {@link PaperText#textHash()} it was computed from
 * @param vector the unit-length vector
 */
public record PaperEmbedding(long paperId, String textHash, float[] vector) {

}
