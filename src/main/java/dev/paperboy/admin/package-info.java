/**
 * Operates Paperboy: who may use the admin API (a configured bearer token for now; users
 * and roles come with the console).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Admin")
package dev.paperboy.admin;
