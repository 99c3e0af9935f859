package dev.paperboy.admin.users;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;

/**
 * The personal API tokens.
 */
interface ApiTokens extends ListCrudRepository<ApiToken, Long> {

	// api_token_hash_idx, on every admin API request: never cached, so a revoked token is
	// refused at once
	@Query("select t from ApiToken t left join fetch t.owner where t.tokenHash = ?1")
	Optional<ApiToken> findByTokenHash(byte[] hash);

	@Query(value = "select t from ApiToken t left join fetch t.owner", countQuery = "select count(t) from ApiToken t")
	Page<ApiToken> findAllWithOwner(Pageable pageable);

	// at most one write a minute per token, however busy it is
	@Modifying
	@Query("update ApiToken t set t.lastUsedAt = ?2 where t.id = ?1 and (t.lastUsedAt is null or t.lastUsedAt < ?3)")
	int used(long id, Instant at, Instant unlessUsedSince);

}
