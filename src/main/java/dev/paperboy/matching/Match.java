package dev.paperboy.matching;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.paperboy.papers.Paper;

/**
 * A paper picked for a subscriber.
 *
 * @param key the paper's key
 * @param title its title
 * @param score how well it matches, the higher the better
 * @param reasons why, in short human sentences
 * @param paper the paper
 * @param paperId the paper's row id
 */
public record Match(String key, String title, double score, List<String> reasons, @JsonIgnore Paper paper,
		@JsonIgnore long paperId) {

}
