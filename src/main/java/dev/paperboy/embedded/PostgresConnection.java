package dev.paperboy.embedded;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * Connection details of a PostgreSQL on this machine, as the embedded binaries start it.
 *
 * @param port the port on 127.0.0.1
 */
public record PostgresConnection(int port) implements JdbcConnectionDetails {

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
		return "postgres";
	}

}
