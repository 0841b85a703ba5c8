package dev.tandem.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.tandem.org.Organisation;
import dev.tandem.org.Permissions;
import dev.tandem.problem.ConflictException;
import dev.tandem.problem.ForbiddenException;
import dev.tandem.problem.FieldProblem;
import dev.tandem.problem.InvalidInputException;
import dev.tandem.problem.NotFoundException;

/**
 * One transaction for a whole import: every row is written through the module's own creation
 * path, each refusal is noted against its row and the rows after it are still tried, so that
 * one pass names every problem. Anything noted, or a dry run, rolls all of it back; only a
 * clean run commits. Refusals of who may write (403) are not problems of a row: they end the run.
 */
@Component
class ImportRun {

	static final int MAX_LISTED = 200;

	private final TransactionTemplate transactions;
	private final Organisation organisation;
	private final Permissions permissions;

	ImportRun(PlatformTransactionManager transactions, Organisation organisation, Permissions permissions) {
		this.transactions = new TransactionTemplate(transactions);
		this.organisation = organisation;
		this.permissions = permissions;
	}

	/** Only who may write KPIs or OKRs somewhere may import, or preview an import: a viewer learns nothing from a dry run. */
	void requireEditor() {
		if (!permissions.isAdmin() && organisation.teams().stream().noneMatch(team -> permissions.mayEdit(team.id()))) {
			throw new ForbiddenException("Only an administrator or an editor of a team may import from a spreadsheet.");
		}
	}

	/** Runs {@code work}; true when it was committed (no problems, not a dry run). */
	boolean run(boolean dryRun, List<ImportProblem> problems, Consumer<Attempts> work) {
		return Boolean.TRUE.equals(transactions.execute(status -> {
			work.accept(new Attempts(problems));
			if (dryRun || !problems.isEmpty()) {
				status.setRollbackOnly();
				return false;
			}
			return true;
		}));
	}

	/** Attempts at writing one row each, their refusals noted as the row's problems. */
	static final class Attempts {

		private final List<ImportProblem> problems;

		Attempts(List<ImportProblem> problems) {
			this.problems = problems;
		}

		/** The write's result, or null when it was refused (the refusal noted against the row). */
		<T> T attempt(int row, java.util.function.UnaryOperator<String> column, java.util.function.Supplier<T> write) {
			try {
				return write.get();
			}
			catch (InvalidInputException e) {
				for (var problem : e.problems()) {
					problems.add(new ImportProblem(row, column.apply(problem.field()), problem.message()));
				}
			}
			catch (ConflictException | NotFoundException e) {
				problems.add(new ImportProblem(row, null, e.getMessage()));
			}
			return null;
		}
	}

	/** The problems as a 400, at most {@link #MAX_LISTED} of them and a count of the rest. */
	static InvalidInputException failure(List<ImportProblem> problems) {
		var listed = new ArrayList<FieldProblem>();
		problems.stream().limit(MAX_LISTED).map(ImportProblem::field).forEach(listed::add);
		if (problems.size() > MAX_LISTED) {
			listed.add(new FieldProblem("file", "and " + (problems.size() - MAX_LISTED) + " more problems"));
		}
		return new InvalidInputException(listed);
	}
}
