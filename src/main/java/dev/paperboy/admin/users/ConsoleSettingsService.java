package dev.paperboy.admin.users;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The console-wide settings an admin changes at run time, read from the database on every
 * use, so every instance obeys a change at once.
 */
@Service
public class ConsoleSettingsService {

	static final String REQUIRE_SECOND_FACTOR = "require-second-factor";

	private final ConsoleSettings settings;

	ConsoleSettingsService(ConsoleSettings settings) {
		this.settings = settings;
	}

	/**
	 * @return whether every user must have a second factor before using the console
	 */
	@Transactional(readOnly = true)
	public boolean requireSecondFactor() {
		return this.settings.findById(REQUIRE_SECOND_FACTOR).map((s) -> "true".equals(s.getValue())).orElse(false);
	}

	@Transactional
	public void setRequireSecondFactor(boolean required) {
		ConsoleSetting setting = this.settings.findById(REQUIRE_SECOND_FACTOR)
			.orElseGet(() -> new ConsoleSetting(REQUIRE_SECOND_FACTOR, "false"));
		setting.setValue(Boolean.toString(required));
		this.settings.save(setting);
	}

}
