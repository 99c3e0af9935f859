package dev.paperboy.matching;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Matching.
 *
 * @param embeddings how papers get their vectors
 */
@ConfigurationProperties("paperboy.matching")
@Validated
public record MatchingProperties(@DefaultValue @Valid Embeddings embeddings) {

	/**
	 * The embedding worker.
	 *
	 * @param enabled whether papers are embedded in the background
	 * @param batchSize papers embedded at once
	 * @param interval pause between two batches when nothing is waiting
	 */
	public record Embeddings(@DefaultValue("true") boolean enabled, @DefaultValue("32") @Min(1) @Max(512) int batchSize,
			@DefaultValue("5s") Duration interval) {

	}

}
