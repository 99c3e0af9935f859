package dev.paperboy.admin.users.web;

import java.net.URI;
import java.util.Map;

import dev.paperboy.admin.users.AdminRequestException;
import dev.paperboy.admin.users.ApiTokenService;
import dev.paperboy.admin.users.ApiTokenService.CreatedToken;
import dev.paperboy.admin.users.ApiTokenService.TokenView;
import dev.paperboy.admin.users.Role;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Personal API tokens over the admin API (ADMIN), the same service as the tokens page.
 * The token itself is in the answer to its creation, and nowhere else, ever.
 */
@RestController
@RequestMapping("/api/v1/admin/tokens")
class TokensApi {

	private final ApiTokenService tokens;

	TokensApi(ApiTokenService tokens) {
		this.tokens = tokens;
	}

	@GetMapping
	Map<String, Object> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		Page<TokenView> found = this.tokens.list(PageRequest.of(Math.max(0, Math.min(page, 1000)),
				Math.max(1, Math.min(size, 200)), Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"))));
		return Map.of("tokens", found.getContent(), "page", found.getNumber(), "totalPages", found.getTotalPages());
	}

	@PostMapping
	ResponseEntity<Map<String, Object>> create(@RequestBody NewToken body, Authentication who) {
		if (body.name() == null || body.role() == null) {
			throw new AdminRequestException(400, "name and role are required");
		}
		Actor actor = Actor.of(who);
		// the bootstrap token is nobody: its tokens have no owner
		String owner = "admin-api-token".equals(actor.name()) ? null : actor.name();
		CreatedToken created = this.tokens.create(owner, actor.role(), body.name(), body.role());
		return ResponseEntity.created(URI.create("/api/v1/admin/tokens/" + created.view().id()))
			.body(Map.of("token", created.token(), "id", created.view().id(), "name", created.view().name(), "prefix",
					created.view().prefix(), "role", created.view().role()));
	}

	@DeleteMapping("/{id}")
	TokenView revoke(@PathVariable long id) {
		return this.tokens.revoke(id);
	}

	record NewToken(@Nullable String name, @Nullable Role role) {
	}

}
