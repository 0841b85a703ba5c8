package dev.tandem.org;

import java.util.List;
import java.util.function.Function;

import org.springframework.ui.Model;

/**
 * What every search-as-you-type picker's endpoint does alike (fragments/picker.html): the
 * typed text cut to a length that names nothing longer, nothing for a blank query, and at most
 * {@link #MATCHES} options rendered as the picker's {@code options} fragment. Each module's
 * picker controller says only how its things are searched and named.
 */
public final class Pickers {

	/** How many matches a picker shows. */
	public static final int MATCHES = 20;

	/** Longer input names nothing (keys, names and titles are shorter); cutting it keeps the pattern small. */
	public static final int LONGEST_QUERY = 200;

	/** One match: the value the input takes when it is chosen, and the text it is shown as. */
	public record Option(String value, String text) {
	}

	private Pickers() {
	}

	/** Fills the model with the matches of the typed text; returns the fragment that renders them. */
	public static String options(String typed, Function<String, List<Option>> search, Model model) {
		var text = typed.length() > LONGEST_QUERY ? typed.substring(0, LONGEST_QUERY) : typed;
		model.addAttribute("options", text.isBlank() ? List.of() : search.apply(text));
		return "fragments/picker :: options";
	}
}
