package org.paymenter.ext.bench.apiprobe.other;

import java.util.List;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.paymenter.ext.api.ExtensionMetadata;
import org.paymenter.ext.api.InstanceConfig;
import org.paymenter.ext.api.config.ConfigField;
import org.paymenter.ext.api.other.OtherExtension;
import org.paymenter.ext.api.other.PanelEvent;
import org.paymenter.ext.api.other.PanelTopics;

/** An "other" extension for bench-api; its name is the last segment of its bundle's symbolic name. */
@Component(service = OtherExtension.class)
public class ProbeOther implements OtherExtension {

    private ExtensionMetadata metadata;

    @Activate
    void activate(BundleContext context) {
        String bsn = context.getBundle().getSymbolicName();
        String name = bsn.substring(bsn.lastIndexOf('.') + 1);
        metadata = ExtensionMetadata.of(name, "Bench notifier " + name,
                "Notifies nobody; one of the sixteen extensions of scripts/bench-api.",
                context.getBundle().getVersion().toString(), "benchmarks");
    }

    @Override
    public ExtensionMetadata metadata() {
        return metadata;
    }

    @Override
    public List<ConfigField> configSchema() {
        return List.of(ConfigField.text("webhook_url").label("Webhook URL").required().build());
    }

    @Override
    public Set<String> topics() {
        return Set.of(PanelTopics.INVOICE_PAID);
    }

    @Override
    public String execute(InstanceConfig config, PanelEvent event) {
        return "ignored";
    }
}
