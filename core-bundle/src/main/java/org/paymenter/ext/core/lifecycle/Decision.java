package org.paymenter.ext.core.lifecycle;

/**
 * What an extension becoming active means for its lifecycle hooks.
 *
 * @param action   which hook, if any
 * @param previous the version recorded before, or null when it was unknown
 * @param current  the version now running
 */
record Decision(Action action, String previous, String current) {

    enum Action {
        /** Never seen: call {@code installed()}. */
        INSTALL,
        /** A lower version was recorded: call {@code upgraded(previous)}. */
        UPGRADE,
        /** A higher version was recorded: no hook (the API has none), logged. */
        DOWNGRADE,
        /** The same version: nothing to do (a restart). */
        NONE
    }

    static Decision of(String previous, String current) {
        if (previous == null) {
            return new Decision(Action.INSTALL, null, current);
        }
        int order = VersionOrder.compare(current, previous);
        Action action = order > 0 ? Action.UPGRADE : order < 0 ? Action.DOWNGRADE : Action.NONE;
        return new Decision(action, previous, current);
    }
}
