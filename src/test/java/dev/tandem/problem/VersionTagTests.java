package dev.tandem.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VersionTagTests {

	@Test
	void aTagIsTheQuotedVersion() {
		assertThat(VersionTag.of(7)).isEqualTo("\"7\"");
	}

	@Test
	void noHeaderOrAStarExpectsNothingAndDoesNotReadTheCurrentVersion() {
		assertThat(VersionTag.expected(null, "Objective 1", () -> { throw new AssertionError("read"); })).isNull();
		assertThat(VersionTag.expected(" * ", "Objective 1", () -> { throw new AssertionError("read"); })).isNull();
	}

	@Test
	void aMatchingTagExpectsTheCurrentVersion() {
		assertThat(VersionTag.expected("\"4\"", "Objective 1", () -> 4)).isEqualTo(4L);
	}

	@Test
	void theResourceIsReadOnceAndOnlyWhenATagCame() {
		var reads = new java.util.concurrent.atomic.AtomicInteger();
		java.util.function.Supplier<VersionTag.Current> current = () -> {
			reads.incrementAndGet();
			return new VersionTag.Current("The objective 'Grow revenue'", 4);
		};
		assertThat(VersionTag.expected(null, current)).isNull();
		assertThat(reads).hasValue(0);
		assertThatThrownBy(() -> VersionTag.expected("\"3\"", current))
			.isInstanceOf(PreconditionFailedException.class)
			.hasMessage("The objective 'Grow revenue' has changed since \"3\" (it is now \"4\"); reload it and apply "
					+ "your change again.");
		assertThat(reads).hasValue(1);
	}

	@Test
	void aStaleTagIsRefusedWithTheCurrentOne() {
		assertThatThrownBy(() -> VersionTag.expected("\"3\"", "Cycle 9", () -> 4))
			.isInstanceOf(PreconditionFailedException.class)
			.hasMessage("Cycle 9 has changed since \"3\" (it is now \"4\"); reload it and apply your change again.");
	}
}
