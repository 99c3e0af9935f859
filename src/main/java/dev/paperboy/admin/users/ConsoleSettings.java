package dev.paperboy.admin.users;

import org.springframework.data.repository.CrudRepository;

/**
 * The console-wide settings, by name.
 */
interface ConsoleSettings extends CrudRepository<ConsoleSetting, String> {

}
