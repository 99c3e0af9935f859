/**
 * Runs the operations console and guards the admin API: console users with roles and a
 * second factor, API tokens, the audit log, the dashboard.
 */
@ApplicationModule(displayName = "Admin")
@ModuleTables({ "console_user", "api_token", "audit_event", "saved_view", "console_setting" })
@NullMarked
package dev.paperboy.admin;

import dev.paperboy.ModuleTables;
import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
