/**
 * Other extensions: react to what happens in the panel (notifications, affiliates, announcements). Panel
 * events reach them as {@link org.paymenter.ext.api.other.PanelEvent}s on the topics of
 * {@link org.paymenter.ext.api.other.PanelTopics}, which the host also publishes on EventAdmin.
 */
@Export
@Version("1.0.0")
package org.paymenter.ext.api.other;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
