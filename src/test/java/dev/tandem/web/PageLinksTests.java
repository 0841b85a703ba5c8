package dev.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.SliceImpl;

class PageLinksTests {

	private final PageLinks links = new PageLinks();

	@Test
	void aLongListCollapsesIntoGapsAroundTheFirstCurrentAndLastPage() {
		var pager = links.forUri(page(5, 20, 200), "/kpis?team=support&page=5&size=20");

		assertThat(pager.pages()).extracting(PageLinks.Link::label).containsExactly("1", "…", "5", "6", "7", "…", "10");
		assertThat(pager.pages()).filteredOn(PageLinks.Link::current).extracting(PageLinks.Link::label).containsExactly("6");
		assertThat(pager.previous().href()).isEqualTo("/kpis?team=support&page=4&size=20");
		assertThat(pager.next().href()).isEqualTo("/kpis?team=support&page=6&size=20");
		assertThat(pager.first()).isEqualTo(101);
		assertThat(pager.last()).isEqualTo(120);
		assertThat(pager.total()).isEqualTo(200);
		assertThat(pager.isNeeded()).isTrue();
	}

	@Test
	void theFirstPageHasNoPreviousAndKeepsEncodedParameters() {
		var pager = links.forUri(page(0, 10, 25), "/okrs?q=caf%C3%A9%20au%20lait");

		assertThat(pager.previous()).isNull();
		assertThat(pager.next().href()).isEqualTo("/okrs?q=caf%C3%A9%20au%20lait&page=1");
		assertThat(pager.pages()).extracting(PageLinks.Link::label).containsExactly("1", "2", "3");
		assertThat(pager.last()).isEqualTo(10);
	}

	@Test
	void theLastPageShowsWhatIsLeft() {
		var pager = links.forUri(page(2, 10, 25), "/okrs?page=2");

		assertThat(pager.next()).isNull();
		assertThat(pager.first()).isEqualTo(21);
		assertThat(pager.last()).isEqualTo(25);
	}

	@Test
	void aSinglePageNeedsNoPager() {
		var pager = links.forUri(page(0, 10, 4), "/kpis");

		assertThat(pager.isNeeded()).isFalse();
		assertThat(pager.pages()).extracting(PageLinks.Link::label).containsExactly("1");
	}

	@Test
	void aSliceThatDoesNotKnowItsTotalLinksOnlyOneAhead() {
		var slice = new SliceImpl<>(Collections.nCopies(10, "x"), PageRequest.of(3, 10), true);
		var pager = links.forUri(slice, "/inbox?page=3");

		assertThat(pager.total()).isEqualTo(-1);
		assertThat(pager.pages()).extracting(PageLinks.Link::label).containsExactly("1", "…", "3", "4", "5");
	}

	private static PageImpl<String> page(int number, int size, int total) {
		int count = Math.max(0, Math.min(size, total - number * size));
		List<String> content = Collections.nCopies(count, "x");
		return new PageImpl<>(content, PageRequest.of(number, size), total);
	}

	@Test
	void aListThatPagesOnItsOwnChangesItsOwnParameterAndKeepsTheOthers() {
		var pager = links.forUri(page(1, 20, 45), "/inbox?alerts=2&proposals=1", "proposals");

		assertThat(pager.previous().href()).isEqualTo("/inbox?alerts=2&proposals=0");
		assertThat(pager.next().href()).isEqualTo("/inbox?alerts=2&proposals=2");
		assertThat(pager.pages()).extracting(PageLinks.Link::href)
			.containsExactly("/inbox?alerts=2&proposals=0", "/inbox?alerts=2&proposals=1", "/inbox?alerts=2&proposals=2");
	}
}
