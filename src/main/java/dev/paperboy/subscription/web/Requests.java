package dev.paperboy.subscription.web;

import dev.paperboy.subscription.ClientInfo;

import org.springframework.http.HttpHeaders;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What the subscription pages and API read from a request.
 */
final class Requests {

	private Requests() {
	}

	// The peer address as the server saw it; forwarded headers are not trusted here.
	static ClientInfo client(HttpServletRequest request) {
		return new ClientInfo(request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT));
	}

}
