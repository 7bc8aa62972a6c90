/**
 * Server extensions: provision what a customer bought on a remote panel or hypervisor. The required
 * operations are on {@link org.paymenter.ext.api.server.ServerExtension}; optional capabilities are
 * separate interfaces an extension implements as well ({@link org.paymenter.ext.api.server.Upgradable},
 * {@link org.paymenter.ext.api.server.LoginLinks}, {@link org.paymenter.ext.api.server.ServiceActions}).
 */
@Export
@Version("1.0.0")
package org.paymenter.ext.api.server;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
