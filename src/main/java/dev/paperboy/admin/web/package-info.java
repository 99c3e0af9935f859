/**
 * The console's shell: sign-in page, layout model, dashboard.
 */
@NullMarked
package dev.paperboy.admin.web;

import org.jspecify.annotations.NullMarked;
