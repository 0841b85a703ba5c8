package dev.tandem.pull;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.tandem.org.Permissions;
import dev.tandem.problem.ConflictException;
import dev.tandem.problem.InvalidInputException;

/**
 * The administrator's page of connections: the list with a test button each, and a form to add
 * one or change one. The secret field is write-only: it is never filled in, and left empty it
 * keeps the stored secret.
 */
@Controller
class ConnectionPageController {

	private static final java.util.Set<String> FIELDS = java.util.Set.of("name", "kind", "url", "username", "secret",
			"headers", "secretHeader");

	private final Connections connections;
	private final Permissions permissions;
	private final jakarta.validation.Validator validator;

	ConnectionPageController(Connections connections, Permissions permissions, jakarta.validation.Validator validator) {
		this.connections = connections;
		this.permissions = permissions;
		this.validator = validator;
	}

	/** {@code headers} one "Name: value" a line; {@code removeSecret} drops the stored secret. */
	record ConnectionForm(String name, ConnectionKind kind, String url, String username, String secret, String headers,
			String secretHeader, Boolean removeSecret) {

		ConnectionInput input() {
			var secretValue = Boolean.TRUE.equals(removeSecret) ? "" : secret == null || secret.isEmpty() ? null : secret;
			return new ConnectionInput(trim(name), kind, trim(url), trim(username), secretValue, headerMap(),
					trim(secretHeader));
		}

		private Map<String, String> headerMap() {
			var map = new LinkedHashMap<String, String>();
			if (headers != null) {
				for (var line : headers.split("\\R")) {
					if (line.isBlank()) {
						continue;
					}
					int colon = line.indexOf(':');
					map.put((colon < 0 ? line : line.substring(0, colon)).strip(), colon < 0 ? "" : line.substring(colon + 1).strip());
				}
			}
			return map;
		}

		static ConnectionForm of(ConnectionView view) {
			var lines = new StringBuilder();
			if (view.headers() != null) {
				view.headers().forEach((k, v) -> lines.append(k).append(": ").append(v).append('\n'));
			}
			return new ConnectionForm(view.name(), view.kind(), view.url(), view.username(), null, lines.toString(),
					view.secretHeader(), false);
		}

		@Override
		public String toString() {
			return "ConnectionForm[name=" + name + ", kind=" + kind + ", url=" + url + ", secret="
					+ (secret == null || secret.isEmpty() ? "none" : "***") + "]";
		}

		private static String trim(String text) {
			return text == null || text.isBlank() ? null : text.strip();
		}
	}

	@GetMapping("/admin/connections")
	String list(Model model) {
		permissions.requireAdmin();
		return page(model, new ConnectionForm(null, ConnectionKind.SQL, null, null, null, null, null, false), null);
	}

	@PostMapping("/admin/connections")
	String create(@ModelAttribute("connection") ConnectionForm form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		permissions.requireAdmin();
		if (!binding.hasErrors() && valid(form.input(), binding) && saved(() -> connections.create(form.input()), binding)) {
			redirect.addFlashAttribute("notice", "Added the connection " + form.name().strip() + ".");
			return "redirect:/admin/connections";
		}
		response.setStatus(422);
		return page(model, form, null);
	}

	@GetMapping("/admin/connections/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		permissions.requireAdmin();
		return page(model, ConnectionForm.of(connections.get(id)), connections.get(id));
	}

	@PostMapping("/admin/connections/{id}/edit")
	String update(@PathVariable long id, @ModelAttribute("connection") ConnectionForm form, BindingResult binding,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		permissions.requireAdmin();
		var existing = connections.get(id);
		if (!binding.hasErrors() && valid(form.input(), binding)
				&& saved(() -> connections.update(id, form.input(), null), binding)) {
			redirect.addFlashAttribute("notice", "Saved the connection " + form.name().strip() + ".");
			return "redirect:/admin/connections";
		}
		response.setStatus(422);
		return page(model, form, existing);
	}

	@PostMapping("/admin/connections/{id}/test")
	String test(@PathVariable long id, RedirectAttributes redirect) {
		var result = connections.test(id);
		var name = connections.get(id).name();
		redirect.addFlashAttribute(result.ok() ? "notice" : "alert", name + ": " + (result.ok() ? "works — " : "failed — ")
				+ result.message());
		return "redirect:/admin/connections";
	}

	/** Bean Validation on the input, as the API's {@code @Valid}; its messages on the form's fields. */
	private boolean valid(ConnectionInput input, BindingResult binding) {
		var problems = validator.validate(input);
		for (var problem : problems) {
			var field = problem.getPropertyPath().toString().replaceAll("[\\[.].*", "");
			if (FIELDS.contains(field)) {
				binding.rejectValue(field, "invalid", problem.getMessage());
			}
			else {
				binding.reject("invalid", field + ": " + problem.getMessage());
			}
		}
		return problems.isEmpty();
	}

	private boolean saved(Runnable save, BindingResult binding) {
		try {
			save.run();
			return true;
		}
		catch (InvalidInputException invalid) {
			for (var problem : invalid.problems()) {
				if (FIELDS.contains(problem.field())) {
					binding.rejectValue(problem.field(), "invalid", problem.message());
				}
				else {
					binding.reject("invalid", problem.field() + ": " + problem.message());
				}
			}
		}
		catch (ConflictException conflict) {
			binding.reject("conflict", conflict.getMessage());
		}
		return false;
	}

	private String page(Model model, ConnectionForm form, ConnectionView editing) {
		model.addAttribute("connections", connections.list());
		// the secret is a password field, which Thymeleaf never fills in: a typed secret is not sent back
		model.addAttribute("connection", form);
		model.addAttribute("editing", editing);
		model.addAttribute("kinds", ConnectionKind.values());
		return "pull/connections";
	}
}
