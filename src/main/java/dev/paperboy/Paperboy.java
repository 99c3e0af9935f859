package dev.paperboy;

import java.util.Map;
import java.util.Set;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * Paperboy emails each subscriber a personalized digest of trending research papers.
 *
 * <p>
 * {@code java -jar paperboy.jar} runs the service; {@code java -jar paperboy.jar import
 * FILE...} imports paper files and exits.
 */
@Modulithic(systemName = "Paperboy")
@SpringBootApplication
@ConfigurationPropertiesScan
public class Paperboy {

	static final Set<String> COMMANDS = Set.of("import");

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(Paperboy.class);
		String command = (args.length > 0 && !args[0].startsWith("-")) ? args[0] : null;
		if (command == null) {
			application.run(args);
			return;
		}
		if (!COMMANDS.contains(command)) {
			System.err.println("Unknown command '" + command + "'. Usage: paperboy [import FILE...]");
			System.exit(64);
		}
		// A command runs once and exits: no web server, no schedules.
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setDefaultProperties(Map.of("paperboy.command", command, "paperboy.scheduling.enabled", "false",
				"paperboy.demo.enabled", "false", "spring.main.banner-mode", "off"));
		System.exit(SpringApplication.exit(application.run(args)));
	}

}
