package dev.paperboy.subscription.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.paperboy.subscription.SubscriptionProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The limit on public request bodies, checked before anything reads them: a declared
 * Content-Length over the limit is refused at once, and a body without one (chunked) is
 * read up to the limit and refused when it goes on. The console and the admin API have
 * their own limits (uploads), the webhooks theirs
 * ({@code paperboy.delivery.bounces.max-body-size}). A form too large for the servlet
 * container anywhere is answered 413 too, without an error in the log: it is the client's
 * mistake.
 */
@Configuration(proxyBeanMethods = false)
class RequestBodyLimit {

	@Bean
	FilterRegistrationBean<LimitFilter> requestBodyLimitFilter(SubscriptionProperties properties) {
		FilterRegistrationBean<LimitFilter> registration = new FilterRegistrationBean<>(
				new LimitFilter(properties.maxRequestBodySize().toBytes()));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	static final class LimitFilter extends OncePerRequestFilter {

		private static final Logger log = LoggerFactory.getLogger(RequestBodyLimit.class);

		private final long max;

		LimitFilter(long max) {
			this.max = max;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			HttpServletRequest checked = isPublic(request) ? limited(request, response) : request;
			if (checked == null) {
				return;
			}
			try {
				chain.doFilter(checked, response);
			}
			catch (ServletException | RuntimeException ex) {
				if (!tooLargeForm(ex) || response.isCommitted()) {
					throw ex;
				}
				log.debug("Refused a form too large for the servlet container: {} {}", request.getMethod(),
						request.getRequestURI());
				refuse(response, HttpStatus.CONTENT_TOO_LARGE, "The form is too large.");
			}
		}

		private @Nullable HttpServletRequest limited(HttpServletRequest request, HttpServletResponse response)
				throws IOException {
			long length = request.getContentLengthLong();
			if (length > this.max) {
				tooLarge(request, response);
				return null;
			}
			if (length >= 0 || !hasBody(request)) {
				return request;
			}
			if (isMultipart(request)) {
				refuse(response, HttpStatus.LENGTH_REQUIRED, "A multipart body needs a Content-Length.");
				return null;
			}
			byte[] body;
			try (InputStream in = request.getInputStream()) {
				body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, this.max + 1));
			}
			if (body.length > this.max) {
				tooLarge(request, response);
				return null;
			}
			return new BufferedRequest(request, body);
		}

		private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
			log.debug("Refused a request body over {} bytes: {} {}", this.max, request.getMethod(),
					request.getRequestURI());
			refuse(response, HttpStatus.CONTENT_TOO_LARGE,
					"The body is larger than " + this.max + " bytes (paperboy.subscription.max-request-body-size).");
		}

		private static boolean isPublic(HttpServletRequest request) {
			String path = request.getRequestURI();
			return !path.startsWith("/admin/") && !path.startsWith("/api/v1/admin/") && !path.startsWith("/webhooks/");
		}

		private static boolean hasBody(HttpServletRequest request) {
			return request.getHeader("Transfer-Encoding") != null;
		}

		private static boolean isMultipart(HttpServletRequest request) {
			String type = request.getContentType();
			return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
		}

		private static boolean tooLargeForm(Throwable ex) {
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				if (cause instanceof org.apache.tomcat.util.http.InvalidParameterException invalid
						&& invalid.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()) {
					return true;
				}
			}
			return false;
		}

		// The connection is closed after the answer: what is left of the body is not
		// read.
		static void refuse(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
			response.resetBuffer();
			response.setStatus(status.value());
			response.setHeader("Connection", "close");
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.getWriter()
				.write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
						+ status.value() + ",\"detail\":\"" + detail + "\"}");
			response.flushBuffer();
		}

	}

	/** A request whose body was read to count it; a form's fields are parsed from it. */
	static final class BufferedRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		private @Nullable Map<String, String[]> parameters;

		BufferedRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException();
				}

			};
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

		@Override
		public @Nullable String getParameter(String name) {
			String[] values = getParameterMap().get(name);
			return (values != null && values.length > 0) ? values[0] : null;
		}

		@Override
		public String @Nullable [] getParameterValues(String name) {
			return getParameterMap().get(name);
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.enumeration(getParameterMap().keySet());
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			if (this.parameters == null) {
				this.parameters = parse();
			}
			return this.parameters;
		}

		private Map<String, String[]> parse() {
			MultiValueMap<String, String> all = new LinkedMultiValueMap<>();
			String query = getQueryString();
			if (query != null) {
				add(all, query);
			}
			String type = getContentType();
			if (type != null
					&& MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(MediaType.parseMediaType(type))) {
				add(all, new String(this.body, StandardCharsets.UTF_8));
			}
			Map<String, String[]> parameters = new LinkedHashMap<>();
			all.forEach((name, values) -> parameters.put(name, values.toArray(String[]::new)));
			return Collections.unmodifiableMap(parameters);
		}

		private static void add(MultiValueMap<String, String> parameters, String encoded) {
			for (String pair : encoded.split("&")) {
				if (!pair.isEmpty()) {
					int equals = pair.indexOf('=');
					parameters.add(decode((equals < 0) ? pair : pair.substring(0, equals)),
							(equals < 0) ? "" : decode(pair.substring(equals + 1)));
				}
			}
		}

		private static String decode(String value) {
			try {
				return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				return value;
			}
		}

	}

}
