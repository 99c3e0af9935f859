package dev.paperboy.matching;

import java.util.List;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

import org.springframework.stereotype.Component;

/**
 * all-MiniLM-L6-v2 (quantized) over ONNX, in process: the model ships inside the jar, so
 * nothing is downloaded at run time. Loaded on first use (about a second). Vectors have
 * 384 dimensions and unit length, so a dot product is their cosine similarity.
 */
@Component
public class TextEmbedder {

	/** The model's name, stored with every vector: a new model means new vectors. */
	public static final String MODEL = "all-MiniLM-L6-v2-q";

	private volatile EmbeddingModel model;

	public String model() {
		return MODEL;
	}

	/**
	 * @param texts texts to embed (longer ones are cut at the model's 256 tokens)
	 * @return one unit vector per text, in order
	 */
	public List<float[]> embed(List<String> texts) {
		List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
		return loadedModel().embedAll(segments)
			.content()
			.stream()
			.map(Embedding::vector)
			.map(TextEmbedder::unit)
			.toList();
	}

	public float[] embed(String text) {
		return embed(List.of(text)).get(0);
	}

	/**
	 * @param a a unit vector
	 * @param b another
	 * @return their cosine similarity
	 */
	public static double cosine(float[] a, float[] b) {
		double dot = 0;
		for (int i = 0; i < a.length; i++) {
			dot += a[i] * b[i];
		}
		return dot;
	}

	private EmbeddingModel loadedModel() {
		EmbeddingModel loaded = this.model;
		if (loaded == null) {
			synchronized (this) {
				loaded = this.model;
				if (loaded == null) {
					loaded = new AllMiniLmL6V2QuantizedEmbeddingModel();
					this.model = loaded;
				}
			}
		}
		return loaded;
	}

	private static float[] unit(float[] vector) {
		double norm = 0;
		for (float value : vector) {
			norm += value * value;
		}
		norm = Math.sqrt(norm);
		if (norm == 0) {
			return vector;
		}
		float[] unit = new float[vector.length];
		for (int i = 0; i < vector.length; i++) {
			unit[i] = (float) (vector[i] / norm);
		}
		return unit;
	}

}
