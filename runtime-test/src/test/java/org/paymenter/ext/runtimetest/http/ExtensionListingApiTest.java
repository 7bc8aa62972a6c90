package org.paymenter.ext.runtimetest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paymenter.ext.runtimetest.http.Problems.detail;
import static org.paymenter.ext.testkit.AdminApi.EXTENSIONS;
import static org.paymenter.ext.testkit.AdminApi.extension;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.paymenter.ext.testkit.AdminApi;
import org.paymenter.ext.testkit.AdminApi.Response;
import org.paymenter.ext.testkit.BrokenJars;
import org.paymenter.ext.testkit.RuntimeExtension;
import org.paymenter.ext.testkit.RuntimeHarness;
import org.paymenter.ext.testkit.Samples;
import org.paymenter.ext.testkit.samples.gateway.SampleGateway;
import org.paymenter.ext.testkit.samples.other.SampleOther;
import org.paymenter.ext.testkit.samples.server.SampleServer;

import com.fasterxml.jackson.databind.JsonNode;

/** The seed's four read endpoints, with one sample extension of each category dropped into the folder. */
class ExtensionListingApiTest {

    @RegisterExtension
    static final RuntimeExtension RUNTIME = new RuntimeExtension();

    private static AdminApi api;

    @BeforeAll
    static void deploySamples() {
        RuntimeHarness rt = RUNTIME.harness();
        api = AdminApi.of(rt);
        rt.deploy(Samples.server().build(rt.scratchDir()));
        rt.deploy(Samples.gateway().version("2.3.4").build(rt.scratchDir()));
        rt.deploy(Samples.other().build(rt.scratchDir()));
        api.awaitExtension("servers", SampleServer.NAME);
        api.awaitExtension("gateways", SampleGateway.NAME);
        api.awaitExtension("others", SampleOther.NAME);
    }

    @Test
    void listsEveryExtensionWithItsMetadataStateAndBundle() {
        Response r = api.get(EXTENSIONS).expect(200);

        assertThat(r.contentType()).isEqualTo(AdminApi.JSON);
        JsonNode gateway = item(r.json().path("items"), SampleGateway.NAME);
        assertThat(gateway.path("category").asText()).isEqualTo("gateways");
        assertThat(gateway.path("displayName").asText()).isEqualTo("Sample gateway");
        assertThat(gateway.path("version").asText()).isEqualTo("2.3.4");
        assertThat(gateway.path("description").asText()).isEqualTo("Takes no money; for tests.");
        assertThat(gateway.path("author").asText()).isEqualTo("testkit");
        assertThat(gateway.path("state").asText()).isEqualTo("active");
        assertThat(gateway.path("bundle").path("symbolicName").asText()).isEqualTo(Samples.GATEWAY_BSN);
        assertThat(gateway.path("bundle").path("id").asLong())
                .isEqualTo(RUNTIME.harness().bundle(Samples.GATEWAY_BSN).orElseThrow().getBundleId());
        assertThat(r.texts("items", "name")).contains(SampleServer.NAME, SampleGateway.NAME, SampleOther.NAME);
    }

    @Test
    void listsOneCategoryOnly() {
        for (String[] expected : List.of(new String[] { "servers", SampleServer.NAME },
                new String[] { "gateways", SampleGateway.NAME }, new String[] { "others", SampleOther.NAME })) {
            Response r = api.get(EXTENSIONS + "/" + expected[0]).expect(200);

            assertThat(r.texts("items", "name")).as("%s", r).containsExactly(expected[1]);
            assertThat(r.texts("items", "category")).as("%s", r).containsOnly(expected[0]);
        }
    }

    @Test
    void metadataOfOneExtension() {
        JsonNode m = api.get(extension("servers", SampleServer.NAME) + "/metadata").expect(200).json();

        assertThat(m.path("name").asText()).isEqualTo(SampleServer.NAME);
        assertThat(m.path("displayName").asText()).isEqualTo("Sample server");
        assertThat(m.path("description").asText()).isEqualTo("Provisions nothing; for tests.");
        assertThat(m.path("version").asText()).isEqualTo("1.0.0");
        assertThat(m.path("author").asText()).isEqualTo("testkit");
        assertThat(m.path("category").asText()).isEqualTo("servers");
        assertThat(m.has("url")).isTrue();
        assertThat(m.has("icon")).isTrue();
    }

    @Test
    void configFieldsOfOneExtension() {
        Response r = api.get(extension("servers", SampleServer.NAME) + "/config").expect(200);

        assertThat(r.texts("fields", "name")).containsExactly("host", "port", "token", "verify_tls");
        assertThat(r.texts("fields", "type")).containsExactly("text", "number", "password", "checkbox");
        JsonNode fields = r.json().path("fields");
        assertThat(fields.get(0).path("required").asBoolean()).isTrue();
        assertThat(fields.get(0).path("label").asText()).isEqualTo("Host");
        assertThat(fields.get(1).path("default").asInt()).isEqualTo(8006);
        assertThat(fields.get(1).path("min").asText()).isEqualTo("1");
        assertThat(fields.get(1).path("max").asText()).isEqualTo("65535");
        assertThat(fields.get(2).path("secret").asBoolean()).isTrue();
        assertThat(fields.get(3).path("default").asBoolean()).isTrue();
    }

    @Test
    void unknownCategoryIs404NamingTheCategories() {
        for (String path : List.of(EXTENSIONS + "/plugins", extension("plugins", SampleServer.NAME) + "/metadata",
                extension("plugins", SampleServer.NAME) + "/config")) {
            assertThat(detail(api.get(path), 404)).contains("plugins").contains("servers, gateways, others");
        }
    }

    @Test
    void unknownExtensionIs404NamingWhatRuns() {
        for (String path : List.of(extension("servers", "proxmox") + "/metadata",
                extension("servers", "proxmox") + "/config",
                // a running extension asked for under the wrong category
                extension("gateways", SampleServer.NAME) + "/metadata")) {
            assertThat(detail(api.get(path), 404)).as(path).contains("no extension").contains("running");
        }
        assertThat(detail(api.get(extension("servers", "proxmox") + "/metadata"), 404)).contains(SampleServer.NAME);
    }

    @Test
    void aJarThatDoesNotRunIsListedWithWhy() {
        RuntimeHarness rt = RUNTIME.harness();
        String file = "not-a-bundle.jar";
        rt.deploy(BrokenJars.zipWithoutManifest(rt.scratchDir().resolve(file)));
        try {
            rt.awaitEntry(file, e -> true);

            Response r = api.get(EXTENSIONS).expect(200);

            assertThat(r.texts("bundlesNotRunning", "file")).containsExactly(file);
            assertThat(r.texts("bundlesNotRunning", "reason")).singleElement().asString().isNotBlank();
            assertThat(r.texts("items", "state")).containsOnly("active");
        } finally {
            rt.remove(file);
            rt.folder().rescan();
        }
        assertThat(api.get(EXTENSIONS).expect(200).json().path("bundlesNotRunning")).isEmpty();
    }

    private static JsonNode item(JsonNode items, String name) {
        for (JsonNode item : items) {
            if (item.path("name").asText().equals(name)) {
                return item;
            }
        }
        throw new AssertionError("no item named " + name + " in " + items);
    }
}
