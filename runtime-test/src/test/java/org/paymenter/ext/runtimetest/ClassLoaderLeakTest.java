package org.paymenter.ext.runtimetest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paymenter.ext.testkit.Samples.SERVER_EXTENSION;
import static org.paymenter.ext.testkit.Samples.component;

import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.ServiceReference;
import org.paymenter.ext.testkit.AdminApi;
import org.paymenter.ext.testkit.Poll;
import org.paymenter.ext.testkit.RuntimeHarness;
import org.paymenter.ext.testkit.Samples;
import org.paymenter.ext.testkit.samples.server.SampleServer;

/**
 * Hot deploy must not leak: after an extension was used through the API (listed, configured, called),
 * upgraded several times and removed, no class loader of any of its versions stays reachable. The
 * peers' users report Metaspace running out after redeploys (research anchors §3); a reference kept in
 * the host (a registry cache, an invoker thread, a cached listing) would be the cause here.
 */
class ClassLoaderLeakTest {

    private static final int VERSIONS = 4;
    private static final Duration COLLECTED_WITHIN = Duration.ofSeconds(20);
    private static final String SERVER = component(SampleServer.class);

    @TempDir
    Path workDir;

    @Test
    void noVersionOfAnUpgradedAndRemovedExtensionStaysLoaded() {
        List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
        try (RuntimeHarness rt = RuntimeHarness.start(workDir)) {
            AdminApi api = AdminApi.of(rt);
            String extension = AdminApi.extension("servers", SampleServer.NAME);
            api.install(Samples.server().version("1.0.0").build(rt.scratchDir()));
            api.awaitExtension("servers", SampleServer.NAME);
            String instance = api.createInstance("servers", SampleServer.NAME, "leak",
                    Map.of("host", "fine.example", "token", "abcdef"));
            for (int minor = 0; minor < VERSIONS; minor++) {
                if (minor > 0) {
                    api.putJar(extension, Samples.server().version("1." + minor + ".0").build(rt.scratchDir())).expect(200);
                }
                String version = "1." + minor + ".0";
                loaders.add(loaderOfServing(rt, version));
                api.get(AdminApi.ADMIN + "/extensions").expect(200);
                api.post(AdminApi.instance("servers", SampleServer.NAME, instance) + "/test").expect(200);
            }
            api.delete(extension).expect(200);
            api.awaitNoExtension("servers", SampleServer.NAME);
            api.get(AdminApi.ADMIN + "/extensions").expect(200);

            Poll.untilTrue("every version's class loader to be collected", COLLECTED_WITHIN, () -> {
                System.gc();
                return loaders.stream().allMatch(l -> l.get() == null);
            }, () -> loaders.stream().filter(l -> l.get() != null).count() + " of " + loaders.size()
                    + " class loaders still reachable");
        }
    }

    /** A weak reference to the class loader of the serving sample server, once it is {@code version}. */
    private static WeakReference<ClassLoader> loaderOfServing(RuntimeHarness rt, String version) {
        return Poll.until("sampleserver " + version + " serving", Duration.ofSeconds(10), () -> {
            for (ServiceReference<?> ref : rt.services(SERVER_EXTENSION, SERVER)) {
                if (!version.equals(ref.getBundle().getVersion().toString())) {
                    continue;
                }
                Object service = rt.context().getService(ref);
                try {
                    return java.util.Optional.of(new WeakReference<>(service.getClass().getClassLoader()));
                } finally {
                    rt.context().ungetService(ref);
                }
            }
            return java.util.Optional.empty();
        }, () -> "not yet");
    }
}
