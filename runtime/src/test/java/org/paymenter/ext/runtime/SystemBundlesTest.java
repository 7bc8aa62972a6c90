package org.paymenter.ext.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

class SystemBundlesTest {

    @Test
    void scrAndTheStoreStartBeforeTheOthersWhichKeepTheirOrder() {
        List<Bundle> installed = bundles("com.h2database", "org.paymenter.ext.core", "org.paymenter.ext.store",
                "org.apache.felix.scr", "org.apache.felix.eventadmin", "org.paymenter.ext.http");

        assertThat(SystemBundles.inStartOrder(installed)).extracting(Bundle::getSymbolicName).containsExactly(
                "org.apache.felix.eventadmin", "org.apache.felix.scr", "org.paymenter.ext.store",
                "com.h2database", "org.paymenter.ext.core", "org.paymenter.ext.http");
    }

    @Test
    void everyRequiredBundleThatStartsFirstIsRequired() {
        assertThat(SystemBundles.REQUIRED).containsAll(SystemBundles.START_FIRST);
    }

    private static List<Bundle> bundles(String... names) {
        return java.util.Arrays.stream(names).map(SystemBundlesTest::bundle).toList();
    }

    private static Bundle bundle(String name) {
        return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] { Bundle.class },
                (proxy, method, args) -> switch (method.getName()) {
                    case "getSymbolicName", "toString" -> name;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
