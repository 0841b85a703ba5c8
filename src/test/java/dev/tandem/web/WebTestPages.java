package dev.tandem.web;

import java.util.List;
import java.util.stream.IntStream;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.tandem.problem.ForbiddenException;
import dev.tandem.problem.NotFoundException;

/**
 * Pages that exist only in the browser tests: every component of the design system on one
 * page, fed with made-up data (so that axe checks each one's contrast and labels, and the
 * screenshot shows them together), and handlers that fail on purpose, for the error pages.
 * Import it with {@code @Import(WebTestPages.class)}; component scanning skips it.
 */
@TestConfiguration(proxyBeanMethods = false)
class WebTestPages {
	// the nested @Controller classes are registered as member classes of this configuration when a test imports it

	record SampleForm(@NotBlank(message = "Give the key result a name.") String name,
			@NotBlank(message = "Enter the target, e.g. 99.") String target,
			@Size(max = 200, message = "Keep it under 200 characters.") String notes) {

		static SampleForm empty() {
			return new SampleForm("", "", "");
		}
	}

	record Row(String keyResult, String owner, double progress, String status) {
	}

	record Series(String label, List<Double> values) {
	}

	@Controller
	@RequestMapping("/test/design-system")
	static class DesignSystemPage {

		private static final List<Row> ROWS = IntStream.rangeClosed(1, 47)
			.mapToObj(n -> row(n, (n * 37 % 110) / 100.0))
			.toList();

		private static Row row(int n, double progress) {
			var status = progress >= 0.7 ? "ON_TRACK" : progress >= 0.4 ? "AT_RISK" : "OFF_TRACK";
			return new Row("Key result number " + n, n % 3 == 0 ? "Grace Hopper" : "Ada Lovelace", progress, status);
		}

		@GetMapping
		String show(@RequestParam(defaultValue = "0") int page,
				@RequestHeader(name = "HX-Request", required = false) boolean htmx, Model model) {
			model.addAttribute("rows", rows(page));
			if (htmx) {
				return "test/design-system :: results";
			}
			model.addAttribute("form", SampleForm.empty());
			sampleData(model);
			return "test/design-system";
		}

		@PostMapping
		String save(@Valid @ModelAttribute("form") SampleForm form, BindingResult errors, Model model,
				RedirectAttributes redirect) {
			if (errors.hasErrors()) {
				model.addAttribute("rows", rows(0));
				sampleData(model);
				return "test/design-system";
			}
			redirect.addFlashAttribute("notice", "Key result “" + form.name() + "” saved.");
			return "redirect:/test/design-system";
		}

		private static PageImpl<Row> rows(int page) {
			var request = PageRequest.of(Math.max(page, 0), 10);
			int from = (int) Math.min(request.getOffset(), ROWS.size());
			return new PageImpl<>(ROWS.subList(from, Math.min(from + 10, ROWS.size())), request, ROWS.size());
		}

		private static void sampleData(Model model) {
			model.addAttribute("months", List.of("Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov"));
			model.addAttribute("uptime", List.of(new Series("Uptime",
					List.of(50.0, 58.5, 61.0, 70.2, 74.8, 79.0, 83.5, 88.1, 90.4, 94.2, 96.0, 97.3))));
			model.addAttribute("responseTime", List.of(new Series("First response (h)",
					List.of(6.5, 6.1, 5.2, 5.8, 4.9, 4.1, 4.4, 3.9, 3.2, 3.6, 3.1, 2.8))));
			model.addAttribute("csat", List.of(new Series("CSAT",
					List.of(4.5, 4.6, 4.4, 4.7, 4.6, 4.5, 4.8, 4.6, 4.7, 4.5, 4.4, 4.3))));
		}
	}

	@Controller
	@RequestMapping("/test/fail")
	static class FailingPages {

		@GetMapping("/{how}")
		String fail(@PathVariable String how) {
			throw switch (how) {
				case "not-found" -> new NotFoundException("KPI", "no-such-kpi");
				case "forbidden" -> new ForbiddenException("Only editors of the team may change its KPIs.");
				default -> new IllegalStateException("a bug, on purpose");
			};
		}
	}
}
