package org.paymenter.ext.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.paymenter.ext.api.Category;
import org.paymenter.ext.api.Extension;
import org.paymenter.ext.core.api.ExtensionInfo;
import org.paymenter.ext.core.api.ExtensionInfo.State;
import org.paymenter.ext.core.testing.FakeGateway;
import org.paymenter.ext.core.testing.FakeServer;

class ExtensionTableTest {

    private final ExtensionTable table = new ExtensionTable();

    private static Registration server(long serviceId, Extension extension, long bundleId, String bsn) {
        return new Registration(serviceId, Category.SERVERS, extension, bundleId, bsn, "1.0.0", "component." + bsn);
    }

    @Test
    void firstRegistrationServesAndSecondIsListedAsConflict() {
        FakeServer first = new FakeServer("proxmox", "1.0.0");
        FakeServer second = new FakeServer("proxmox", "2.0.0");

        List<ExtensionInfo> activatedByFirst = table.add(server(10, first, 5, "org.a"));
        List<ExtensionInfo> activatedBySecond = table.add(server(11, second, 6, "org.b"));

        assertThat(activatedByFirst).extracting(ExtensionInfo::bundleId).containsExactly(5L);
        assertThat(activatedBySecond).isEmpty();
        assertThat(table.list()).extracting(ExtensionInfo::bundleId, ExtensionInfo::state)
                .containsExactly(tuple(5L, State.ACTIVE),
                        tuple(6L, State.CONFLICT));
        assertThat(table.list().get(1).problem()).isEqualTo("name 'proxmox' is already provided by bundle org.a (5)");
        assertThat(table.service(Category.SERVERS, "proxmox")).containsSame(first);
    }

    @Test
    void lowerServiceIdServesEvenWhenBoundLater() {
        FakeServer older = new FakeServer("proxmox", "1.0.0");
        FakeServer newer = new FakeServer("proxmox", "2.0.0");
        table.add(server(11, newer, 6, "org.b"));

        List<ExtensionInfo> activated = table.add(server(10, older, 5, "org.a"));

        assertThat(activated).extracting(ExtensionInfo::bundleId).containsExactly(5L);
        assertThat(table.service(Category.SERVERS, "proxmox")).containsSame(older);
        assertThat(table.find(Category.SERVERS, "proxmox")).map(ExtensionInfo::bundleId).contains(5L);
    }

    @Test
    void conflictingExtensionTakesOverWhenTheServingOneGoesAway() {
        FakeServer second = new FakeServer("proxmox", "2.0.0");
        table.add(server(10, new FakeServer("proxmox", "1.0.0"), 5, "org.a"));
        table.add(server(11, second, 6, "org.b"));

        List<ExtensionInfo> takeover = table.remove(10);

        assertThat(takeover).singleElement().satisfies(info -> {
            assertThat(info.bundleId()).isEqualTo(6L);
            assertThat(info.state()).isEqualTo(State.ACTIVE);
            assertThat(info.problem()).isEmpty();
            assertThat(info.version()).isEqualTo("2.0.0");
        });
        assertThat(table.service(Category.SERVERS, "proxmox")).containsSame(second);
    }

    @Test
    void removingTheConflictingOneChangesNothingForTheServingOne() {
        table.add(server(10, new FakeServer("proxmox", "1.0.0"), 5, "org.a"));
        table.add(server(11, new FakeServer("proxmox", "2.0.0"), 6, "org.b"));

        assertThat(table.remove(11)).isEmpty();
        assertThat(table.list()).singleElement().extracting(ExtensionInfo::state).isEqualTo(State.ACTIVE);
    }

    @Test
    void sameNameInAnotherCategoryIsNoConflict() {
        table.add(server(10, new FakeServer("stripe", "1.0.0"), 5, "org.a"));
        table.add(new Registration(11, Category.GATEWAYS, new FakeGateway("stripe"), 6, "org.b", "1.0.0", null));

        assertThat(table.list()).extracting(ExtensionInfo::state).containsOnly(State.ACTIVE);
        assertThat(table.find("gateways/stripe")).map(ExtensionInfo::bundleId).contains(6L);
        assertThatThrownBy(() -> table.find("stripe")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ambiguous").hasMessageContaining("servers/stripe")
                .hasMessageContaining("gateways/stripe");
    }

    @Test
    void findAcceptsBareNameOrCategorySlashName() {
        table.add(server(10, new FakeServer("proxmox", "1.0.0"), 5, "org.a"));

        assertThat(table.find("proxmox")).map(ExtensionInfo::path).contains("servers/proxmox");
        assertThat(table.find("servers/proxmox")).isPresent();
        assertThat(table.find("gateways/proxmox")).isEmpty();
        assertThat(table.find("nothing")).isEmpty();
        assertThatThrownBy(() -> table.find("planets/proxmox")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown category 'planets'; categories are servers, gateways, others");
    }

    @Test
    void extensionWhoseMetadataThrowsIsListedAsBrokenAndNeverServed() {
        FakeServer broken = new FakeServer(() -> {
            throw new IllegalStateException("no metadata today");
        }, List.of());

        List<ExtensionInfo> activated = table.add(server(10, broken, 5, "org.broken"));

        assertThat(activated).isEmpty();
        assertThat(table.list()).singleElement().satisfies(info -> {
            assertThat(info.state()).isEqualTo(State.BROKEN);
            assertThat(info.name()).isEqualTo("component.org.broken");
            assertThat(info.metadata()).isNull();
            assertThat(info.problem()).contains("metadata() failed").contains("no metadata today");
        });
        assertThat(table.remove(10)).isEmpty();
        assertThat(table.list()).isEmpty();
    }

    @Test
    void capabilitiesComeFromTheInterfacesTheExtensionImplements() {
        table.add(new Registration(11, Category.GATEWAYS, new FakeGateway("stripe"), 6, "org.b", "1.0.0", null));
        table.add(server(10, new FakeServer("proxmox", "1.0.0"), 5, "org.a"));

        assertThat(table.find(Category.GATEWAYS, "stripe")).map(ExtensionInfo::capabilities).contains(
                Set.of("refunds"));
        assertThat(table.find(Category.SERVERS, "proxmox")).map(ExtensionInfo::capabilities)
                .contains(Set.of());
    }

    @Test
    void listIsSortedAndFilteredByCategory() {
        table.add(server(12, new FakeServer("virtfusion", "1.0.0"), 7, "org.c"));
        table.add(new Registration(11, Category.GATEWAYS, new FakeGateway("stripe"), 6, "org.b", "1.0.0", null));
        table.add(server(10, new FakeServer("convoy", "1.0.0"), 5, "org.a"));

        assertThat(table.list()).extracting(ExtensionInfo::path)
                .containsExactly("servers/convoy", "servers/virtfusion", "gateways/stripe");
        assertThat(table.list(Category.GATEWAYS)).extracting(ExtensionInfo::name).containsExactly("stripe");
    }
}
