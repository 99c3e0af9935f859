package dev.paperboy.browser;

import com.microsoft.playwright.Page;

/**
 * Signs a browser page in to the console through the sign-in form.
 */
public final class ConsoleLogin {

	private ConsoleLogin() {
	}

	/**
	 * @param page a page
	 * @param base the application's address, {@code http://127.0.0.1:<port>}
	 * @param username the user
	 * @param password the password
	 */
	public static void login(Page page, String base, String username, String password) {
		page.navigate(base + "/admin/login");
		page.getByLabel("User name").fill(username);
		page.getByLabel("Password").fill(password);
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
			.click();
		page.waitForURL((url) -> !url.contains("/admin/login"));
	}

	/**
	 * Signs in with the second factor.
	 * @param page a page
	 * @param base the application's address, {@code http://127.0.0.1:<port>}
	 * @param username the user
	 * @param password the password
	 * @param code the authenticator code
	 */
	public static void login(Page page, String base, String username, String password, String code) {
		page.navigate(base + "/admin/login");
		page.getByLabel("User name").fill(username);
		page.getByLabel("Password").fill(password);
		page.getByLabel("Authenticator code").fill(code);
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
			.click();
		page.waitForURL((url) -> !url.contains("/admin/login"));
	}

}
