package dev.tandem.pull;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.tandem.kpi.Kpis;

/**
 * The pull's part of a PULL KPI's page, loaded into it by htmx: its settings, its recent runs
 * (a failing one says why) and, for whoever may record the KPI's values, "Pull now".
 */
@Controller
class PullPageController {

	static final int RECENT = 10;

	private final PullRuns pulls;
	private final Kpis kpis;

	PullPageController(PullRuns pulls, Kpis kpis) {
		this.pulls = pulls;
		this.kpis = kpis;
	}

	@GetMapping("/kpis/{key}/pulls")
	String runs(@PathVariable String key, Model model) {
		var kpi = kpis.get(key);
		model.addAttribute("kpi", kpi);
		model.addAttribute("runs", pulls.runs(key, RECENT, 0));
		model.addAttribute("mayPull", mayRecord(key));
		return "pull/runs :: runs";
	}

	@PostMapping("/kpis/{key}/pull")
	String pull(@PathVariable String key, RedirectAttributes redirect) {
		var run = pulls.runNow(key);
		if (run.status() == PullRunView.Status.OK) {
			redirect.addFlashAttribute("notice", "Pulled " + run.points() + " value" + (run.points() == 1 ? "" : "s") + ".");
		}
		else {
			redirect.addFlashAttribute("alert", "The pull failed: " + run.message());
		}
		return "redirect:/kpis/" + key + "#pulls";
	}

	private boolean mayRecord(String key) {
		try {
			kpis.requireRecorderOf(key);
			return true;
		}
		catch (dev.tandem.problem.ForbiddenException e) {
			return false;
		}
	}

}
