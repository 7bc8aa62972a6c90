package org.paymenter.ext.api.server;

/** Whether an instance's config reaches its remote system, with a sentence saying why not. */
public record TestResult(boolean ok, String message) {

    public static TestResult ok(String message) {
        return new TestResult(true, message);
    }

    public static TestResult failed(String message) {
        return new TestResult(false, message);
    }
}
