package dev.paperboy.admin.users.web;

import dev.paperboy.admin.users.AdminRequestException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The admin API's errors for users, tokens, the audit log and settings, as problem+json.
 */
@RestControllerAdvice(assignableTypes = { UsersApi.class, TokensApi.class, AuditApi.class, SettingsApi.class })
class AdminApiErrors {

	@ExceptionHandler(AdminRequestException.class)
	ProblemDetail refused(AdminRequestException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(ex.status()), ex.getMessage());
	}

	@ExceptionHandler({ HttpMessageNotReadableException.class, IllegalArgumentException.class })
	ProblemDetail unreadable(Exception ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request body is not valid JSON of the expected shape (roles are ADMIN, OPERATOR or VIEWER)");
	}

}
