package dev.tandem.okr.web;

import java.util.ArrayList;
import java.util.List;

import dev.tandem.okr.CheckInDraft;
import dev.tandem.okr.CheckInInput;

/**
 * "My check-in": one row per key result, sent together. Mutable form objects, so that a value
 * that does not parse comes back as typed beside its message.
 */
public class CheckInForm {

	private List<Row> rows = new ArrayList<>();

	public List<Row> getRows() {
		return rows;
	}

	public void setRows(List<Row> rows) {
		this.rows = rows;
	}

	/** One key result's check-in; {@code skip} leaves it out this time. */
	public static class Row {

		private Long keyResult;
		private Double value;
		private Boolean done;
		private Integer confidence;
		private String changed;
		private String learned;
		private String blockers;
		private String decision;
		private boolean skip;

		static Row of(CheckInDraft draft) {
			var row = new Row();
			row.keyResult = draft.keyResultId();
			row.value = draft.value();
			row.done = draft.done();
			row.confidence = draft.confidence();
			return row;
		}

		CheckInInput toInput(boolean milestone) {
			return new CheckInInput(milestone ? null : value, milestone ? Boolean.TRUE.equals(done) : null, confidence,
					changed, learned, blockers, decision, null);
		}

		public Long getKeyResult() { return keyResult; }
		public void setKeyResult(Long keyResult) { this.keyResult = keyResult; }
		public Double getValue() { return value; }
		public void setValue(Double value) { this.value = value; }
		public Boolean getDone() { return done; }
		public void setDone(Boolean done) { this.done = done; }
		public Integer getConfidence() { return confidence; }
		public void setConfidence(Integer confidence) { this.confidence = confidence; }
		public String getChanged() { return changed; }
		public void setChanged(String changed) { this.changed = changed; }
		public String getLearned() { return learned; }
		public void setLearned(String learned) { this.learned = learned; }
		public String getBlockers() { return blockers; }
		public void setBlockers(String blockers) { this.blockers = blockers; }
		public String getDecision() { return decision; }
		public void setDecision(String decision) { this.decision = decision; }
		public boolean isSkip() { return skip; }
		public void setSkip(boolean skip) { this.skip = skip; }
	}
}
