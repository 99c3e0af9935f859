package dev.paperboy.admin.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.paperboy.admin.AdminProperties;

/**
 * Counts sign-in attempts per client address and failures per account name, in fixed
 * windows, in memory: bounded maps that forget the least recently seen first. Names that
 * do not exist are counted like those that do, so throttling tells nothing about which
 * accounts exist.
 */
class LoginThrottle {

	private final AdminProperties.Login limits;

	private final Clock clock;

	private final Map<String, Window> accounts;

	private final Map<String, Window> addresses;

	LoginThrottle(AdminProperties.Login limits, Clock clock) {
		this.limits = limits;
		this.clock = clock;
		this.accounts = bounded(limits.tracked());
		this.addresses = bounded(limits.tracked());
	}

	/**
	 * Counts an attempt from an address.
	 * @param account the name tried
	 * @param address the client's address
	 * @return whether the attempt may go on (neither the address nor the account is over
	 * its limit)
	 */
	synchronized boolean attempt(String account, String address) {
		Instant now = this.clock.instant();
		Window ip = current(this.addresses, address, this.limits.ipWindow(), now);
		ip.count++;
		Window failures = this.accounts.get(key(account));
		boolean accountOver = failures != null && !failures.expired(this.limits.accountWindow(), now)
				&& failures.count >= this.limits.failuresPerAccount();
		return ip.count <= this.limits.attemptsPerIp() && !accountOver;
	}

	synchronized void failed(String account) {
		current(this.accounts, key(account), this.limits.accountWindow(), this.clock.instant()).count++;
	}

	synchronized void succeeded(String account) {
		this.accounts.remove(key(account));
	}

	private static Window current(Map<String, Window> windows, String key, Duration length, Instant now) {
		Window window = windows.get(key);
		if (window == null || window.expired(length, now)) {
			window = new Window(now);
			windows.put(key, window);
		}
		return window;
	}

	private static String key(String account) {
		String name = account.toLowerCase(Locale.ROOT);
		return (name.length() > 100) ? name.substring(0, 100) : name;
	}

	private static Map<String, Window> bounded(int size) {
		return new LinkedHashMap<>(256, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
				return size() > size;
			}

		};
	}

	private static final class Window {

		final Instant start;

		int count;

		Window(Instant start) {
			this.start = start;
		}

		boolean expired(Duration length, Instant now) {
			return !now.isBefore(this.start.plus(length));
		}

	}

}
