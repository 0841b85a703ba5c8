package dev.tandem.scheduling;

/**
 * A start-up task done by one instance at a time, across instances on one database: two
 * instances started at the same moment on an empty database must not both create the first
 * administrator or both load the demo (check-then-insert, and the second insert fails the start).
 * The body runs while this instance holds the task's lock; another instance asking for the same
 * task waits until the holder is done, so its body, checking again, finds the work already done.
 */
public interface StartUpLock {

	/**
	 * Runs {@code body} holding the named lock, waiting for whichever instance holds it now.
	 * The names are rows of the {@code start_up_lock} table.
	 */
	void holding(String name, Runnable body);
}
