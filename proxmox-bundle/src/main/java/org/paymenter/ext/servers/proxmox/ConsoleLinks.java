package org.paymenter.ext.servers.proxmox;

import org.paymenter.ext.api.server.Action;

/**
 * The noVNC console of a VM in the Proxmox VE web interface. Whoever opens it logs in to Proxmox VE there:
 * the per-customer console user and ticket cookie of Paymenter's extension need the panel and the node on
 * one parent domain, which a link cannot arrange.
 */
final class ConsoleLinks {

    static final String CONSOLE = "console";

    private ConsoleLinks() {
    }

    static String url(Connection connection, VmRef vm) {
        return connection.base() + "/?console=kvm&novnc=1&vmid=" + vm.vmid() + "&node="
                + ProxmoxClient.segment(vm.node()) + "&resize=scale";
    }

    static Action action(Connection connection, VmRef vm) {
        return Action.link(CONSOLE, "Open console", url(connection, vm));
    }
}
