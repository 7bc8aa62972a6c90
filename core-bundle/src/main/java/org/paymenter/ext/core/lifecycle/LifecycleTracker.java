package org.paymenter.ext.core.lifecycle;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.List;

import org.paymenter.ext.api.Extension;
import org.paymenter.ext.core.api.ExtensionInfo;
import org.paymenter.ext.core.api.KnownExtension;

/**
 * Decides which lifecycle hook an extension gets and records what the host has seen. Hooks run one at a
 * time through a {@link HookRunner}; a hook that fails is logged by it and the change is recorded anyway.
 */
final class LifecycleTracker {

    private static final System.Logger LOG = System.getLogger(LifecycleTracker.class.getName());

    private final KnownExtensions known;
    private final HookRunner hooks;

    LifecycleTracker(Path dataDir, HookRunner hooks) {
        this.known = new KnownExtensions(dataDir);
        this.hooks = hooks;
    }

    /** An extension became the one serving its name. */
    Decision activated(ExtensionInfo extension) {
        String path = extension.path();
        Decision decision = Decision.of(known.version(path).orElse(null), extension.version());
        switch (decision.action()) {
            case INSTALL -> {
                LOG.log(Level.INFO, "{0} {1} is new; calling installed()", path, decision.current());
                hooks.run(extension, "installed()", Extension::installed);
            }
            case UPGRADE -> {
                LOG.log(Level.INFO, "{0} upgraded from {1} to {2}; calling upgraded()", path, decision.previous(),
                        decision.current());
                hooks.run(extension, "upgraded(" + decision.previous() + ")", e -> e.upgraded(decision.previous()));
            }
            case DOWNGRADE -> LOG.log(Level.WARNING, "{0}: downgrade from {1} to {2}", path, decision.previous(),
                    decision.current());
            case NONE -> {
                // Same version: only the bundle may have changed (a rebuilt jar of another name).
                known.record(path, decision.current(), extension.symbolicName());
                return decision;
            }
        }
        known.record(path, decision.current(), extension.symbolicName());
        return decision;
    }

    /** Every extension seen and not uninstalled since. */
    List<KnownExtension> known() {
        return known.list();
    }

    /** The bundle providing these (serving) extensions is about to be uninstalled for good. */
    void removing(List<ExtensionInfo> extensions) {
        for (ExtensionInfo extension : extensions) {
            LOG.log(Level.INFO, "{0} is being removed; calling uninstalled()", extension.path());
            hooks.run(extension, "uninstalled()", Extension::uninstalled);
            known.forget(extension.path());
        }
    }
}
