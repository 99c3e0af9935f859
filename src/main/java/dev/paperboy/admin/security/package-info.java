/**
 * Who may use the console and the admin API: sign-in, roles, tokens, headers.
 */
@NullMarked
package dev.paperboy.admin.security;

import org.jspecify.annotations.NullMarked;
