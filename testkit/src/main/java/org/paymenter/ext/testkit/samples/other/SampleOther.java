package org.paymenter.ext.testkit.samples.other;

import java.util.List;
import java.util.Set;

import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Component;
import org.paymenter.ext.api.ExtensionMetadata;
import org.paymenter.ext.api.InstanceConfig;
import org.paymenter.ext.api.config.ConfigField;
import org.paymenter.ext.api.other.OtherExtension;
import org.paymenter.ext.api.other.PanelEvent;
import org.paymenter.ext.api.other.PanelTopics;

/** An "other" extension that notes the user-created event and nothing else. */
@Component(service = OtherExtension.class)
public class SampleOther implements OtherExtension {

    public static final String NAME = "sampleother";

    @Override
    public ExtensionMetadata metadata() {
        return ExtensionMetadata.of(NAME, "Sample other", "Notes panel events; for tests.",
                FrameworkUtil.getBundle(getClass()).getVersion().toString(), "testkit");
    }

    @Override
    public List<ConfigField> configSchema() {
        return List.of(ConfigField.text("channel").label("Channel").build());
    }

    @Override
    public Set<String> topics() {
        return Set.of(PanelTopics.USER_CREATED);
    }

    @Override
    public String execute(InstanceConfig config, PanelEvent event) {
        return "noted " + event.topic();
    }
}
