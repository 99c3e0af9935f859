/**
 * The mail templates' Thymeleaf set-up: text resolvers, operators' overrides, the
 * {@code #mail} dialect.
 */
@NullMarked
package dev.paperboy.delivery.templates;

import org.jspecify.annotations.NullMarked;
