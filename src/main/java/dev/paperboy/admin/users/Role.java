package dev.paperboy.admin.users;

/**
 * What a console user or API token may do. Each role includes the ones below it.
 */
public enum Role {

	/** Everything, including users, tokens and settings. */
	ADMIN,

	/** Runs, retries and subscriber actions; no users, tokens or settings. */
	OPERATOR,

	/** Reads everything an operator reads, changes nothing. */
	VIEWER;

	/**
	 * @return the Spring Security authority of this role
	 */
	public String authority() {
		return "ROLE_" + name();
	}

	/**
	 * @param other another role
	 * @return whether this role may do everything the other may
	 */
	public boolean includes(Role other) {
		return ordinal() <= other.ordinal();
	}

	/**
	 * @param other another role
	 * @return the lesser of the two
	 */
	public Role atMost(Role other) {
		return includes(other) ? other : this;
	}

}
