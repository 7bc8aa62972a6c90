package org.paymenter.ext.core.lifecycle;

import java.util.function.Consumer;

import org.paymenter.ext.api.Extension;
import org.paymenter.ext.core.api.ExtensionInfo;

/** Runs one lifecycle hook on an extension, time-limited; never throws. */
@FunctionalInterface
interface HookRunner {

    /** @return true when the hook completed */
    boolean run(ExtensionInfo extension, String hookName, Consumer<Extension> hook);
}
