package dev.tandem.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The links of a pager, for templates: {@code ${@pageLinks.of(page)}}. Links keep every other
 * query parameter of the current request (filters, sort, size) and change only {@code page},
 * which is zero-based like Spring Data's. Long runs collapse into gaps around the first, the
 * last and the current page, so that a pager never outgrows a phone's width.
 */
@Component("pageLinks")
public class PageLinks {

	/** One entry of a pager: a numbered link, or a gap (no href) where pages were left out. */
	public record Link(String label, String href, boolean current) {

		public boolean isGap() {
			return href == null;
		}
	}

	/**
	 * A pager: previous and next (null at the ends), the numbered links, and which items are
	 * shown ({@code first}–{@code last} of {@code total}, total -1 when a slice does not know it).
	 */
	public record Pager(Link previous, List<Link> pages, Link next, long first, long last, long total) {

		/** A single page needs no pager. */
		public boolean isNeeded() {
			return previous != null || next != null;
		}
	}

	public Pager of(Slice<?> slice) {
		return of(slice, (String) null);
	}

	/**
	 * A pager whose links change {@code parameter} instead of {@code page} (null: {@code page}),
	 * for a page with several lists that each page on their own.
	 */
	public Pager of(Slice<?> slice, String parameter) {
		var request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
		var query = request.getQueryString();
		return forUri(slice, request.getRequestURI() + (query == null ? "" : "?" + query), parameter == null ? "page" : parameter);
	}

	/** As {@link #of(Slice)}, for a request URI and query that are already URL-encoded. */
	Pager forUri(Slice<?> slice, String currentUri) {
		return forUri(slice, currentUri, "page");
	}

	Pager forUri(Slice<?> slice, String currentUri, String parameter) {
		int current = slice.getNumber();
		int count = slice instanceof Page<?> page ? page.getTotalPages() : current + (slice.hasNext() ? 2 : 1);
		long total = slice instanceof Page<?> page ? page.getTotalElements() : -1;
		long first = slice.getNumberOfElements() == 0 ? 0 : (long) current * slice.getSize() + 1;
		long last = first == 0 ? 0 : first + slice.getNumberOfElements() - 1;
		var previous = slice.hasPrevious() ? link(currentUri, parameter, current - 1, "Previous", false) : null;
		var next = slice.hasNext() ? link(currentUri, parameter, current + 1, "Next", false) : null;
		return new Pager(previous, numbered(currentUri, parameter, current, count), next, first, last, total);
	}

	private static List<Link> numbered(String currentUri, String parameter, int current, int count) {
		var links = new ArrayList<Link>();
		int shownBefore = -1;
		for (int number = 0; number < count; number++) {
			if (number != 0 && number != count - 1 && Math.abs(number - current) > 1) {
				continue;
			}
			if (shownBefore >= 0 && number - shownBefore > 1) {
				links.add(new Link("…", null, false));
			}
			links.add(link(currentUri, parameter, number, Integer.toString(number + 1), number == current));
			shownBefore = number;
		}
		return links;
	}

	private static Link link(String currentUri, String parameter, int number, String label, boolean current) {
		// set in place, so that a link reads like the address it came from (page where it was, or last)
		var params = new LinkedMultiValueMap<>(UriComponentsBuilder.fromUriString(currentUri).build(true).getQueryParams());
		params.set(parameter, Integer.toString(number));
		var href = UriComponentsBuilder.fromUriString(currentUri)
			.replaceQuery(null)
			.queryParams(params)
			.build(true)
			.toUriString();
		return new Link(label, href, current);
	}
}
