package org.paymenter.ext.runtime.internal;

import org.osgi.framework.Version;

/** What reading a jar of the folder found: a bundle we may install, or why not. */
sealed interface JarInspection permits JarInspection.Bundle, JarInspection.Unreadable {

    /**
     * A complete jar with a valid bundle manifest.
     *
     * @param fingerprint changes whenever any entry's name or content does; tells a rebuilt jar of the same
     *                    version from an unchanged one
     */
    record Bundle(String symbolicName, Version version, boolean fragment, long fingerprint) implements JarInspection {
    }

    /** Not (yet) installable; {@code reason} is a sentence for the operator. */
    record Unreadable(String reason) implements JarInspection {
    }
}
