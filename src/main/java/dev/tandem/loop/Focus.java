package dev.tandem.loop;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.kpi.Kpis;

/** The focus ranking over every KPI as it stands now. */
@Service
@Transactional(readOnly = true)
public class Focus {

	private final Kpis kpis;

	Focus(Kpis kpis) {
		this.kpis = kpis;
	}

	public List<FocusItem> ranking() {
		return FocusRanking.rank(kpis.list(null), Set.of());
	}
}
