package dev.paperboy.admin.web;

import java.io.IOException;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Puts the {@link ConsoleViewer} into every console request (after Spring Security has
 * signed the user in), so every console page, whichever module's controller renders it,
 * shows the same layout.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleViewerFilter {

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> consoleViewer() {
		OncePerRequestFilter filter = new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				ConsoleViewer viewer = ConsoleViewer.of(SecurityContextHolder.getContext().getAuthentication());
				if (viewer != null) {
					request.setAttribute(ConsoleViewer.ATTRIBUTE, viewer);
				}
				chain.doFilter(request, response);
			}

		};
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
		registration.addUrlPatterns("/admin/*");
		// after Spring Security's filter chain (-100)
		registration.setOrder(0);
		return registration;
	}

}
