package org.paymenter.ext.runtime.deploy;

/**
 * One jar of the bundles folder.
 *
 * @param file         the file name
 * @param symbolicName its Bundle-SymbolicName, or null when it could not be read
 * @param version      its Bundle-Version, or null when it could not be read
 * @param state        what became of it
 * @param bundleId     the installed bundle's id, or -1
 * @param reason       why it is not active, in a sentence; empty when it is
 */
public record FolderEntry(String file, String symbolicName, String version, State state, long bundleId,
        String reason) {

    public enum State {
        /** Installed and started. */
        ACTIVE,
        /** Installed; kept stopped by an operator ({@code ext:stop}). */
        STOPPED,
        /** Installed, but it would not resolve or start; {@code reason} says why. */
        FAILED,
        /** Not (yet) a complete, valid bundle jar: half-written, corrupt or without a manifest. */
        UNREADABLE,
        /** Another jar in the folder has the same symbolic name and a higher version, which runs. */
        SUPERSEDED
    }

    public boolean isRunning() {
        return state == State.ACTIVE;
    }
}
