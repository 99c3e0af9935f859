/**
 * The console pages and admin API endpoints for users, API tokens, the audit log, each
 * user's own account, console settings and saved views.
 */
@NullMarked
package dev.paperboy.admin.users.web;

import org.jspecify.annotations.NullMarked;
