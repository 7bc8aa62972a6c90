/**
 * What the launcher offers the bundles about the bundles folder: its state ({@link
 * org.paymenter.ext.runtime.deploy.BundleFolder}) and a say before a bundle is removed for good
 * ({@link org.paymenter.ext.runtime.deploy.RemovalListener}). The launcher exports this package from the
 * system bundle, so the bundles that use it never depend on the launcher's private classes.
 */
@Export
@Version("1.0.0")
package org.paymenter.ext.runtime.deploy;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
