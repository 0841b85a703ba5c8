package dev.tandem.loop;

import dev.tandem.kpi.HealthStatus;

/**
 * When a guardrail alert is raised, updated or cleared. Amber or red raises it; green clears it;
 * no data or stale data proves nothing either way, so an open alert stays open. An objective that
 * is no longer active (or a KPI no longer guarding it) clears its alerts.
 */
final class GuardrailRules {

	enum Action {
		RAISE, UPDATE, CLEAR, NONE
	}

	private GuardrailRules() {
	}

	static Action decide(boolean alertOpen, HealthStatus openStatus, boolean stillGuarding, HealthStatus status) {
		if (!stillGuarding) {
			return alertOpen ? Action.CLEAR : Action.NONE;
		}
		return switch (status) {
			case AMBER, RED -> !alertOpen ? Action.RAISE : status != openStatus ? Action.UPDATE : Action.NONE;
			case GREEN -> alertOpen ? Action.CLEAR : Action.NONE;
			case NO_DATA, STALE -> Action.NONE;
		};
	}

	static HealthStatus worse(HealthStatus a, HealthStatus b) {
		return a == HealthStatus.RED || b == HealthStatus.RED ? HealthStatus.RED : a;
	}
}
