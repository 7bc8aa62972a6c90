/**
 * The extension contract: what every extension is ({@link org.paymenter.ext.api.Extension}), its
 * {@link org.paymenter.ext.api.Category} and {@link org.paymenter.ext.api.ExtensionMetadata}, and the
 * values the host hands to it. The three kinds live in the {@code server}, {@code gateway} and
 * {@code other} packages.
 */
@Export
@Version("1.1.0") // 1.1: InvalidRequestException
package org.paymenter.ext.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
