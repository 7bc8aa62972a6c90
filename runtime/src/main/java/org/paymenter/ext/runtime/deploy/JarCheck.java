package org.paymenter.ext.runtime.deploy;

/**
 * What the folder would make of a jar, checked before it is put there: the same test the watcher applies
 * (complete, a bundle manifest, every entry intact).
 *
 * @param symbolicName its Bundle-SymbolicName, or null when it is not a readable bundle
 * @param version      its Bundle-Version, or null when it is not a readable bundle
 * @param problem      why it would not be installed, in a sentence; empty when it would be
 */
public record JarCheck(String symbolicName, String version, String problem) {

    public boolean isBundle() {
        return problem.isEmpty();
    }
}
