package org.paymenter.ext.testkit.samples.library;

/** A class in a package that a library bundle exports and another bundle imports. */
public final class Greeting {

    private Greeting() {
    }

    public static String text(String name) {
        return "hello " + name;
    }
}
