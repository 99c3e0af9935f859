package dev.paperboy.admin.users.web;

import java.net.URI;
import java.util.Map;

import dev.paperboy.admin.users.AdminRequestException;
import dev.paperboy.admin.users.Role;
import dev.paperboy.admin.users.UserAdministration;
import dev.paperboy.admin.users.UserAdministration.UserView;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Console users over the admin API (ADMIN), the same service as the users page.
 */
@RestController
@RequestMapping("/api/v1/admin/users")
class UsersApi {

	private final UserAdministration users;

	UsersApi(UserAdministration users) {
		this.users = users;
	}

	@GetMapping
	Map<String, Object> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		Page<UserView> found = this.users.list(PageRequest.of(Math.max(0, Math.min(page, 1000)),
				Math.max(1, Math.min(size, 200)), Sort.by(Sort.Order.asc("username").ignoreCase())));
		return Map.of("users", found.getContent(), "page", found.getNumber(), "totalPages", found.getTotalPages());
	}

	@PostMapping
	ResponseEntity<UserView> create(@RequestBody NewUser body) {
		if (body.username() == null || body.role() == null || body.password() == null) {
			throw new AdminRequestException(400, "username, role and password are required");
		}
		UserView user = this.users.create(body.username().strip(), body.role(), body.password());
		return ResponseEntity.created(URI.create("/api/v1/admin/users/" + user.id())).body(user);
	}

	// Changes what the body names: role, enabled, password (in that order).
	@PatchMapping("/{id}")
	UserView change(@PathVariable long id, @RequestBody Change body, Authentication who) {
		UserView user = null;
		if (body.role() != null) {
			user = this.users.changeRole(who.getName(), id, body.role());
		}
		if (body.enabled() != null) {
			user = this.users.setEnabled(who.getName(), id, body.enabled());
		}
		if (body.password() != null) {
			user = this.users.resetPassword(id, body.password());
		}
		if (user == null) {
			throw new AdminRequestException(400, "Name at least one of role, enabled, password");
		}
		return user;
	}

	@DeleteMapping("/{id}/second-factor")
	UserView removeSecondFactor(@PathVariable long id) {
		return this.users.removeSecondFactor(id);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable long id, Authentication who) {
		this.users.delete(who.getName(), id);
		return ResponseEntity.noContent().build();
	}

	record NewUser(@Nullable String username, @Nullable Role role, @Nullable String password) {
	}

	record Change(@Nullable Role role, @Nullable Boolean enabled, @Nullable String password) {
	}

}
