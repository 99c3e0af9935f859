package dev.paperboy.instance;

import java.util.Collection;
import java.util.UUID;

/**
 * What a module holds under an instance's name (claimed messages, running fetches): given
 * back when that instance stops, by whichever live instance sees it first, in the
 * transaction that removes the dead instance.
 */
public interface Leases {

	/**
	 * Gives back (or ends) what the given instances held: they have stopped, and will
	 * never finish it.
	 * @param instances ids from {@link Instances#id()} of instances that stopped
	 * @return how many leases were given back
	 */
	int release(Collection<UUID> instances);

}
