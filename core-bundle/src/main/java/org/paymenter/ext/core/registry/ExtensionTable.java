package org.paymenter.ext.core.registry;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.paymenter.ext.api.Category;
import org.paymenter.ext.api.Extension;
import org.paymenter.ext.api.ExtensionMetadata;
import org.paymenter.ext.core.api.ExtensionInfo;
import org.paymenter.ext.core.api.ExtensionInfo.State;
import org.paymenter.ext.core.api.ExtensionRegistry;

/**
 * The registry's state and its one rule: per category/name, the registration with the lowest service id
 * serves; the others are {@link State#CONFLICT}. An extension whose {@code metadata()} fails is kept as
 * {@link State#BROKEN} so that it shows up in listings instead of disappearing. Thread-safe.
 */
public final class ExtensionTable implements ExtensionRegistry {

    private static final System.Logger LOG = System.getLogger(ExtensionTable.class.getName());
    private static final Comparator<ExtensionInfo> ORDER = Comparator.comparing(ExtensionInfo::category)
            .thenComparing(ExtensionInfo::name).thenComparingLong(ExtensionInfo::bundleId);

    /** What the table knows about one registration, read once: metadata must not change while running. */
    private record Entry(Registration registration, String name, ExtensionMetadata metadata,
            Set<String> capabilities, String brokenReason) {

        Key key() {
            return new Key(registration.category(), name);
        }

        boolean broken() {
            return metadata == null;
        }
    }

    private record Key(Category category, String name) {
        @Override
        public String toString() {
            return category.path() + "/" + name;
        }
    }

    private final Map<Long, Entry> entries = new TreeMap<>();
    /** {@link #list()} as of the last change; the admin API lists on every request, changes are rare. */
    private List<ExtensionInfo> listed;

    /**
     * Adds a registration.
     *
     * @return the extensions that became the serving one because of it (at most one), for lifecycle hooks
     */
    public List<ExtensionInfo> add(Registration registration) {
        // Read outside the lock: metadata() is extension code and may be slow.
        Entry entry = read(registration);
        synchronized (this) {
            Entry existing = entries.get(registration.serviceId());
            if (existing != null) {
                // The contract says one kind per service; keep the first rather than list it twice.
                LOG.log(Level.WARNING, "service {0} of bundle {1} is registered as more than one extension kind; "
                        + "only {2} is used", registration.serviceId(), registration.symbolicName(),
                        existing.registration().category());
                return List.of();
            }
            Map<Key, Long> servingBefore = serving();
            entries.put(registration.serviceId(), entry);
            listed = null;
            if (!entry.broken()) {
                warnIfConflicting(entry, servingBefore.get(entry.key()));
            }
            return newlyServing(servingBefore);
        }
    }

    /**
     * Removes a registration.
     *
     * @return the extensions that took over a name because of it (a former {@link State#CONFLICT})
     */
    public synchronized List<ExtensionInfo> remove(long serviceId) {
        Map<Key, Long> servingBefore = serving();
        Entry removed = entries.remove(serviceId);
        listed = null;
        if (removed == null) {
            return List.of();
        }
        List<ExtensionInfo> takeovers = newlyServing(servingBefore);
        takeovers.forEach(info -> LOG.log(Level.INFO, "{0} is now served by bundle {1} ({2})", info.path(),
                info.symbolicName(), info.bundleId()));
        return takeovers;
    }

    @Override
    public synchronized List<ExtensionInfo> list() {
        if (listed == null) {
            Map<Key, Long> serving = serving();
            listed = entries.values().stream().map(e -> info(e, serving)).sorted(ORDER).toList();
        }
        return listed;
    }

    @Override
    public List<ExtensionInfo> list(Category category) {
        return list().stream().filter(info -> info.category() == category).toList();
    }

    @Override
    public synchronized Optional<ExtensionInfo> find(Category category, String name) {
        Map<Key, Long> serving = serving();
        return Optional.ofNullable(serving.get(new Key(category, name))).map(id -> info(entries.get(id), serving));
    }

    @Override
    public Optional<ExtensionInfo> find(String nameOrCategorySlashName) {
        String text = nameOrCategorySlashName == null ? "" : nameOrCategorySlashName.trim();
        int slash = text.indexOf('/');
        if (slash >= 0) {
            String path = text.substring(0, slash);
            Category category = Category.fromPath(path).orElseThrow(() -> new IllegalArgumentException(
                    "unknown category '" + path + "'; categories are servers, gateways, others"));
            return find(category, text.substring(slash + 1));
        }
        List<ExtensionInfo> matches = new ArrayList<>();
        for (Category category : Category.values()) {
            find(category, text).ifPresent(matches::add);
        }
        if (matches.size() > 1) {
            throw new IllegalArgumentException("'" + text + "' is ambiguous: " + matches.stream()
                    .map(ExtensionInfo::path).toList() + "; give it as category/name");
        }
        return matches.stream().findFirst();
    }

    @Override
    public synchronized Optional<Extension> service(Category category, String name) {
        return Optional.ofNullable(serving().get(new Key(category, name)))
                .map(id -> entries.get(id).registration().service());
    }

    private void warnIfConflicting(Entry added, Long previousServer) {
        long server = serving().get(added.key());
        Entry loser = server == added.registration().serviceId()
                ? (previousServer == null ? null : entries.get(previousServer)) : added;
        if (loser != null) {
            Registration r = loser.registration();
            LOG.log(Level.WARNING, "{0} from bundle {1} ({2}) is not used: {3}", loser.key(), r.symbolicName(),
                    r.bundleId(), conflict(loser, entries.get(server)));
        }
    }

    private static Entry read(Registration r) {
        String fallbackName = r.componentName() == null ? "service." + r.serviceId() : r.componentName();
        try {
            ExtensionMetadata metadata = r.service().metadata();
            if (metadata == null) {
                return broken(r, fallbackName, "metadata() returned null");
            }
            return new Entry(r, metadata.name(), metadata,
                    Capabilities.of(r.service(), r.category().path() + "/" + metadata.name()), "");
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "extension service " + fallbackName + " of bundle " + r.symbolicName() + " ("
                    + r.bundleId() + ") failed in metadata(); it is listed as broken and never called", e);
            return broken(r, fallbackName,
                    "metadata() failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static Entry broken(Registration r, String name, String reason) {
        return new Entry(r, name, null, Set.of(), reason);
    }

    /** Category/name to the service id that serves it: the lowest id among the entries that are not broken. */
    private Map<Key, Long> serving() {
        Map<Key, Long> serving = new HashMap<>();
        entries.values().stream().filter(e -> !e.broken())
                .forEach(e -> serving.merge(e.key(), e.registration().serviceId(), Math::min));
        return serving;
    }

    private List<ExtensionInfo> newlyServing(Map<Key, Long> before) {
        Map<Key, Long> after = serving();
        List<ExtensionInfo> changed = new ArrayList<>();
        after.forEach((key, id) -> {
            if (!id.equals(before.get(key))) {
                changed.add(info(entries.get(id), after));
            }
        });
        return changed;
    }

    private ExtensionInfo info(Entry e, Map<Key, Long> serving) {
        Registration r = e.registration();
        State state;
        String problem;
        if (e.broken()) {
            state = State.BROKEN;
            problem = e.brokenReason();
        } else {
            long server = serving.get(e.key());
            state = server == r.serviceId() ? State.ACTIVE : State.CONFLICT;
            problem = state == State.ACTIVE ? "" : conflict(e, entries.get(server));
        }
        return new ExtensionInfo(r.category(), e.name(), e.metadata(), r.bundleId(), r.symbolicName(),
                r.bundleVersion(), state, e.capabilities(), problem);
    }

    private static String conflict(Entry loser, Entry winner) {
        return "name '" + loser.name() + "' is already provided by bundle " + winner.registration().symbolicName()
                + " (" + winner.registration().bundleId() + ")";
    }
}
