package dev.tandem.okr.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

import dev.tandem.okr.Commitment;
import dev.tandem.okr.ObjectiveInput;
import dev.tandem.okr.ObjectiveLevel;
import dev.tandem.okr.ObjectiveState;
import dev.tandem.okr.ObjectiveView;

/**
 * The objective form. A mutable form object rather than a record, so that a value that does
 * not parse is shown back as typed beside its message; it becomes the API's
 * {@link ObjectiveInput}, validated and saved the same way.
 */
public class ObjectiveForm {

	private Long cycle;
	private String team;
	private String owner;
	private String title;
	private String description;
	private ObjectiveLevel level = ObjectiveLevel.TEAM;
	private Commitment commitment = Commitment.COMMITTED;
	private ObjectiveState state = ObjectiveState.ACTIVE;
	private Long parentId;
	private List<Long> contributesTo = new ArrayList<>();
	private Long version;

	static ObjectiveForm empty(Long cycle, String team, String owner) {
		var form = new ObjectiveForm();
		form.cycle = cycle;
		form.team = team;
		form.owner = owner;
		return form;
	}

	static ObjectiveForm of(ObjectiveView o) {
		var form = new ObjectiveForm();
		form.cycle = o.cycle();
		form.team = o.team();
		form.owner = o.owner();
		form.title = o.title();
		form.description = o.description();
		form.level = o.level();
		form.commitment = o.commitment();
		form.state = o.state();
		form.parentId = o.parentId();
		form.contributesTo = new ArrayList<>(o.contributesTo());
		form.version = o.version();
		return form;
	}

	ObjectiveInput toInput() {
		return new ObjectiveInput(cycle, blankToNull(team), blankToNull(owner), title == null ? null : title.strip(),
				blankToNull(description), level, parentId, contributesTo == null ? List.of() : contributesTo.stream().filter(Objects::nonNull).toList(), commitment,
				state, version);
	}

	/** The form's input for a field the API names, e.g. "contributesTo[0]" → "contributesTo"; null when it has none. */
	static String inputFor(String apiField) {
		var field = apiField.replaceAll("\\[\\d+]$", "");
		return List.of("cycle", "team", "owner", "title", "description", "level", "commitment", "state", "parentId",
				"contributesTo").contains(field) ? field : null;
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	public Long getCycle() { return cycle; }
	public void setCycle(Long cycle) { this.cycle = cycle; }
	public String getTeam() { return team; }
	public void setTeam(String team) { this.team = team; }
	public String getOwner() { return owner; }
	public void setOwner(String owner) { this.owner = owner; }
	public String getTitle() { return title; }
	public void setTitle(String title) { this.title = title; }
	public String getDescription() { return description; }
	public void setDescription(String description) { this.description = description; }
	public ObjectiveLevel getLevel() { return level; }
	public void setLevel(ObjectiveLevel level) { this.level = level; }
	public Commitment getCommitment() { return commitment; }
	public void setCommitment(Commitment commitment) { this.commitment = commitment; }
	public ObjectiveState getState() { return state; }
	public void setState(ObjectiveState state) { this.state = state; }
	public Long getParentId() { return parentId; }
	public void setParentId(Long parentId) { this.parentId = parentId; }
	public List<Long> getContributesTo() { return contributesTo; }
	/** Without the empty "Add" picker's value (bound as null) and without one picked twice (ticked and added again). */
	public void setContributesTo(List<Long> contributesTo) {
		this.contributesTo = contributesTo == null ? new ArrayList<>()
				: new ArrayList<>(new LinkedHashSet<>(contributesTo.stream().filter(Objects::nonNull).toList()));
	}
	public Long getVersion() { return version; }
	public void setVersion(Long version) { this.version = version; }
}
