package dev.tandem.notify;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.tandem.problem.InvalidInputException;

/**
 * Where a channel may point: an http(s) URL of a host on the network, never this machine
 * (loopback, "any"), nor a link-local address (169.254.0.0/16, where clouds serve instance
 * credentials), so that a channel cannot be made to read what only this server can reach.
 * Checked when the channel is created and again before each delivery (a name may resolve
 * elsewhere later). Tests allow loopback with {@code tandem.notify.allow-private-urls}.
 */
@Component
class ChannelUrls {

	private final boolean allowPrivate;

	ChannelUrls(@Value("${tandem.notify.allow-private-urls:false}") boolean allowPrivate) {
		this.allowPrivate = allowPrivate;
	}

	/** The URL, checked; an {@link InvalidInputException} on field {@code url} saying what to fix. */
	URI check(String url) {
		URI uri;
		try {
			uri = URI.create(url == null ? "" : url.trim());
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("url", "Give a valid http:// or https:// URL.");
		}
		var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
		if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getHost().isBlank()) {
			throw new InvalidInputException("url", "Give an http:// or https:// URL with a host name.");
		}
		if (uri.getUserInfo() != null) {
			throw new InvalidInputException("url", "Leave the user name and password out of the URL.");
		}
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(uri.getHost());
		}
		catch (UnknownHostException e) {
			throw new InvalidInputException("url", "The host " + uri.getHost() + " is not known: check the URL.");
		}
		for (var address : addresses) {
			if (address.isLinkLocalAddress()) {
				throw new InvalidInputException("url",
						"The URL points at a link-local address (169.254.0.0/16): give a public chat or webhook URL.");
			}
			if (!allowPrivate && (address.isLoopbackAddress() || address.isAnyLocalAddress())) {
				throw new InvalidInputException("url",
						"The URL points at this server itself: give the chat's or the receiving service's URL.");
			}
		}
		return uri;
	}
}
