/**
 * The small request and response types through which extensions see HTTP (webhooks, their own routes),
 * so that no extension depends on the web server the host happens to use.
 */
@Export
@Version("1.2.0")
package org.paymenter.ext.api.http;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
