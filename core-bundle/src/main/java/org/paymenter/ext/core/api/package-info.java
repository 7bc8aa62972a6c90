/**
 * The host services other bundles (the HTTP API, the shell) use: the {@link
 * org.paymenter.ext.core.api.ExtensionRegistry} of running extensions, the {@link
 * org.paymenter.ext.core.api.ExtensionInvoker} that calls them with a time limit, and the {@link
 * org.paymenter.ext.core.api.InstanceService} of configured instances. Every failure reaches callers as a
 * {@link org.paymenter.ext.core.api.InvocationException} or an {@link
 * org.paymenter.ext.core.api.InstanceException} with a kind to map and a message to show.
 */
@Export
@Version("1.0.0")
package org.paymenter.ext.core.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
