package org.paymenter.ext.testkit.samples.libuser;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.paymenter.ext.testkit.samples.library.Greeting;

/** Uses the library package, so its bundle is wired to (and refreshed with) the library bundle. */
@Component(service = GreetingUser.class, immediate = true)
public class GreetingUser {

    private String greeting;

    @Activate
    void activate() {
        greeting = Greeting.text("library user");
    }

    public String greeting() {
        return greeting;
    }
}
