package org.paymenter.ext.core.shell;

/** A DS component that is neither active nor satisfied, and why. */
record ComponentProblem(String symbolicName, long bundleId, String component, String problem) {
}
