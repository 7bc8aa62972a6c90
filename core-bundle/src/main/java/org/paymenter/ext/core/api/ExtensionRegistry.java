package org.paymenter.ext.core.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.paymenter.ext.api.Category;
import org.paymenter.ext.api.Extension;

/**
 * Every extension service of the framework, keyed by category and name. When two bundles provide the same
 * category/name, the one registered first (lower service id) serves and the other is listed as {@link
 * ExtensionInfo.State#CONFLICT} until the first goes away.
 */
@ProviderType
public interface ExtensionRegistry {

    /** Every extension, serving or not, sorted by category, name and bundle id. */
    List<ExtensionInfo> list();

    /** The extensions of one category, in the order of {@link #list()}. */
    List<ExtensionInfo> list(Category category);

    /** The extension that serves {@code category/name}, if one does. */
    Optional<ExtensionInfo> find(Category category, String name);

    /**
     * The serving extension named {@code proxmox} (in whatever category) or {@code servers/proxmox}.
     *
     * @throws IllegalArgumentException when the category is not one of {@code servers}, {@code gateways},
     *                                  {@code others}, or a bare name is served in more than one category
     */
    Optional<ExtensionInfo> find(String nameOrCategorySlashName);

    /**
     * The live service object that serves {@code category/name}. Use it for the call at hand only (through
     * {@link ExtensionInvoker}), never keep it: it goes stale when its bundle is updated or removed.
     */
    Optional<Extension> service(Category category, String name);
}
