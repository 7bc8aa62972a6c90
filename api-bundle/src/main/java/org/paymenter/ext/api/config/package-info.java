/**
 * Config field descriptors (Paymenter's field types) and the validator that checks submitted values
 * against them, returning every field error at once.
 */
@Export
@Version("1.0.0")
package org.paymenter.ext.api.config;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
