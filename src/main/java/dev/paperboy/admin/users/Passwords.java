package dev.paperboy.admin.users;

/**
 * What a console password and user name must be.
 */
final class Passwords {

	static final int MIN_LENGTH = 12;

	private Passwords() {
	}

	static String checked(String password) {
		if (password == null || password.length() < MIN_LENGTH || password.length() > 200) {
			throw AdminRequestException.invalid("A password must be 12 to 200 characters long");
		}
		return password;
	}

	static String checkedUsername(String username) {
		if (username == null || !username.matches("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}")) {
			throw AdminRequestException.invalid(
					"A user name is 1 to 64 letters, digits, dots, dashes, underscores or @, starting with a letter or digit");
		}
		return username;
	}

}
