package dev.paperboy.admin.users;

/**
 * A console or admin API request that cannot be done as asked; its message is for the
 * user (a flash message in the console, problem+json's detail in the API).
 */
public class AdminRequestException extends RuntimeException {

	private final int status;

	/**
	 * @param status the HTTP status it answers: 400 (invalid), 404 (no such thing) or 409
	 * (would break a rule)
	 * @param message what went wrong, for the user
	 */
	public AdminRequestException(int status, String message) {
		super(message);
		this.status = status;
	}

	public int status() {
		return this.status;
	}

	static AdminRequestException invalid(String message) {
		return new AdminRequestException(400, message);
	}

	static AdminRequestException notFound(String what) {
		return new AdminRequestException(404, what + " does not exist");
	}

	static AdminRequestException conflict(String message) {
		return new AdminRequestException(409, message);
	}

}
