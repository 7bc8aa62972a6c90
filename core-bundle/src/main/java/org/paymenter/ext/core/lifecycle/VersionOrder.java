package org.paymenter.ext.core.lifecycle;

import org.osgi.framework.Version;

/** Orders extension versions as OSGi versions when both parse as such ("1.10.0" > "1.9.2"), else as text. */
final class VersionOrder {

    private VersionOrder() {
    }

    static int compare(String a, String b) {
        try {
            return Version.parseVersion(a).compareTo(Version.parseVersion(b));
        } catch (IllegalArgumentException notOsgi) {
            return a.compareTo(b);
        }
    }
}
