/**
 * The effective configuration, read-only, secrets masked: every Paperboy property and the
 * Spring ones that matter, with where each value comes from.
 */
@NullMarked
package dev.paperboy.admin.config;

import org.jspecify.annotations.NullMarked;
