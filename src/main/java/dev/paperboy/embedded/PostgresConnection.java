package dev.paperboy.embedded;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * Connection details of a PostgreSQL on this machine, as the embedded binaries start it.
 *
 * @param port the port on 127.0.0.1
 * @param password the superuser's password
 */
public record PostgresConnection(int port, String password) implements JdbcConnectionDetails {

	/**
	 * A PostgreSQL whose superuser's password is {@code postgres} (the tests').
	 * @param port the port on 127.0.0.1
	 */
	public PostgresConnection(int port) {
		this(port, "postgres");
	}

	@Override
	public String getJdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/postgres";
	}

	@Override
	public String getUsername() {
		return "postgres";
	}

	@Override
	public String getPassword() {
		return this.password;
	}

	@Override
	public String toString() {
		return "PostgresConnection[" + getJdbcUrl() + "]";
	}

}
