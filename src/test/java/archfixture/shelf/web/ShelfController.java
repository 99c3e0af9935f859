package archfixture.shelf.web;

import org.springframework.stereotype.Controller;

/**
 * Wrong on purpose: a web controller, public. Its package also has no
 * {@code package-info.java}, on purpose.
 */
@Controller
public class ShelfController {

}
