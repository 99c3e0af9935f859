package dev.paperboy.subscription.web;

import java.util.List;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * JSON request bodies are read strictly: a field the request does not have, a key given
 * twice, or a fraction where a whole number goes is refused (400 naming the field), never
 * ignored or truncated. A strict API tells its caller about a typo ({@code "interest"})
 * instead of answering 2xx and dropping it; and ignored fields were a way to make the
 * service read megabytes for nothing. Only request bodies: the JSON the service stores
 * (events, digests) is read by the application's own mapper, unchanged.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonBodies implements WebMvcConfigurer {

	private final JsonMapper json;

	StrictJsonBodies(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
		JsonMapper strict = this.json.rebuild()
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.build();
		converters.replaceAll((converter) -> (converter instanceof JacksonJsonHttpMessageConverter)
				? new JacksonJsonHttpMessageConverter(strict) : converter);
	}

}
