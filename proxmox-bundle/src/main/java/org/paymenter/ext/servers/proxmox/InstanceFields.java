package org.paymenter.ext.servers.proxmox;

import java.util.List;

import org.paymenter.ext.api.config.ConfigField;
import org.paymenter.ext.api.config.FieldOption;

/** The instance form: how to reach one Proxmox VE cluster and what to use when a product does not say. */
final class InstanceFields {

    static final String HOST = "host";
    static final String PORT = "port";
    static final String SCHEME = "scheme";
    static final String TOKEN_ID = "token_id";
    static final String TOKEN_SECRET = "token_secret";
    static final String NODE = "node";
    static final String STORAGE = "storage";
    static final String BRIDGE = "bridge";
    static final String VERIFY_TLS = "verify_tls";
    static final String REQUEST_TIMEOUT = "request_timeout";
    static final String TASK_TIMEOUT = "task_timeout";

    /** {@code USER@REALM!TOKENID}, as Proxmox VE shows it when the token is created. */
    static final String TOKEN_ID_PATTERN = "^[^@!=\\s]+@[^@!=\\s]+![A-Za-z][A-Za-z0-9._-]*$";

    static final List<ConfigField> SCHEMA = List.of(
            ConfigField.text(HOST).label("Host").required()
                    .description("Host name or IP address of a cluster node, without scheme or port, e.g. pve1.example.com")
                    .build(),
            ConfigField.number(PORT).label("Port").min(1).max(65535).defaultValue(ProxmoxDefaults.PORT)
                    .rule("integer").build(),
            ConfigField.select(SCHEME, FieldOption.of("https"), FieldOption.of("http")).label("Scheme")
                    .defaultValue(ProxmoxDefaults.SCHEME)
                    .description("https for a real node; http only for a local proxy or a test double").build(),
            ConfigField.text(TOKEN_ID).label("API token ID").required().rule("regex:" + TOKEN_ID_PATTERN)
                    .description("USER@REALM!TOKENID, e.g. paymenter@pve!billing (Datacenter > Permissions > API Tokens)")
                    .build(),
            ConfigField.password(TOKEN_SECRET).label("API token secret").required()
                    .description("The UUID shown once when the token was created").build(),
            ConfigField.text(NODE).label("Default node").required()
                    .description("Node that VMs are created on unless the product names another").build(),
            ConfigField.text(STORAGE).label("Default storage").defaultValue(ProxmoxDefaults.STORAGE)
                    .description("Storage for VM disks unless the product names another").build(),
            ConfigField.text(BRIDGE).label("Default bridge").defaultValue(ProxmoxDefaults.BRIDGE)
                    .description("Network bridge for the VM's first NIC unless the product names another").build(),
            ConfigField.checkbox(VERIFY_TLS).label("Verify TLS certificate").defaultValue(true)
                    .description("Switch off only for a node with a self-signed certificate you trust; logged as a warning")
                    .build(),
            ConfigField.number(REQUEST_TIMEOUT).label("Request timeout (s)").min(1).max(300)
                    .defaultValue(ProxmoxDefaults.REQUEST_TIMEOUT_SECONDS).rule("integer").advanced()
                    .description("How long one API call may take").build(),
            ConfigField.number(TASK_TIMEOUT).label("Task timeout (s)").min(1).max(3600)
                    .defaultValue(ProxmoxDefaults.TASK_TIMEOUT_SECONDS).rule("integer").advanced()
                    .description("How long to wait for a clone, resize, start, stop or delete task. The host's own "
                            + "limit on an operation (paymenter.invoke.timeout.ms, 30 s by default) must be longer "
                            + "for slow full clones")
                    .build());

    private InstanceFields() {
    }
}
