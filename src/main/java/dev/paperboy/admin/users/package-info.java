/**
 * The console's users and their roles, kept with Spring Data JPA.
 */
@NullMarked
package dev.paperboy.admin.users;

import org.jspecify.annotations.NullMarked;
