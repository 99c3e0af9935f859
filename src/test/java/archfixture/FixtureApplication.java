package archfixture;

import org.springframework.modulith.Modulithic;

/**
 * The fixture's application class: two modules, {@code shelf} and {@code lending}.
 */
@Modulithic(systemName = "Fixture")
public class FixtureApplication {

}
