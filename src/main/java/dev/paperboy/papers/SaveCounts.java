package dev.paperboy.papers;

/**
 * What saving a batch of records did to the catalog.
 *
 * @param added papers new to the catalog
 * @param updated papers that changed
 * @param unchanged records that told the catalog nothing new
 */
public record SaveCounts(int added, int updated, int unchanged) {

	public static final SaveCounts NONE = new SaveCounts(0, 0, 0);

	public SaveCounts plus(SaveCounts other) {
		return new SaveCounts(this.added + other.added, this.updated + other.updated, this.unchanged + other.unchanged);
	}

	public int total() {
		return this.added + this.updated + this.unchanged;
	}

}
