package dev.paperboy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The database tables a module owns, declared on the module's {@code package-info.java}.
 * Only the owner names a table in its SQL; other modules ask the owner through its API or
 * hear from it through events. {@code TableOwnershipTests} holds every module to this.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PACKAGE)
public @interface ModuleTables {

	/**
	 * The tables, by their names in {@code db/migration/}.
	 * @return the table names
	 */
	String[] value();

}
