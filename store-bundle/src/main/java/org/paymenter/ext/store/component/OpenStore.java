package org.paymenter.ext.store.component;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.EventAdmin;
import org.paymenter.ext.api.gateway.Payment;
import org.paymenter.ext.store.api.Deliveries;
import org.paymenter.ext.store.api.PaymentLedger;
import org.paymenter.ext.store.db.Database;
import org.paymenter.ext.store.db.MigrationExtender;
import org.paymenter.ext.store.db.Migrations;
import org.paymenter.ext.store.ledger.JdbcPaymentLedger;
import org.paymenter.ext.store.ledger.TimeOrderedIds;
import org.paymenter.ext.store.outbox.Backoff;
import org.paymenter.ext.store.outbox.CallbackSecret;
import org.paymenter.ext.store.outbox.CallbackSigner;
import org.paymenter.ext.store.outbox.JdbcDeliveries;
import org.paymenter.ext.store.outbox.NodeId;
import org.paymenter.ext.store.outbox.OutboxPruner;
import org.paymenter.ext.store.outbox.OutboxTable;
import org.paymenter.ext.store.outbox.OutboxWorker;
import org.paymenter.ext.store.outbox.PanelCallback;
import org.paymenter.ext.store.outbox.PaymentPublisher;
import org.paymenter.ext.store.settings.StoreSettings;

/**
 * The running store, brought up in order: the pool, the store's migrations, the ledger and the outbox worker, the
 * migrations extender, the hourly pruning of delivered outbox rows, and last the services ({@link PaymentLedger}, {@link Deliveries}, and a {@link
 * DataSource} with {@value StoreComponent#DATASOURCE_PROPERTY}={@value StoreComponent#MAIN} for extensions); takes them down in reverse.
 * If the database cannot be opened, the constructor throws with the reason, having closed what it opened.
 */
final class OpenStore implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(OpenStore.class.getName());

    private final Database database;
    private final JdbcPaymentLedger ledger;
    private final Optional<OutboxWorker> worker;
    private final MigrationExtender extender;
    private final ScheduledExecutorService maintenance = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "store-maintenance");
        thread.setDaemon(true);
        return thread;
    });
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    /** Opens the database, migrates it and registers the services; throws with the reason if it cannot. */
    OpenStore(BundleContext context, EventAdmin eventAdmin) {
        StoreSettings settings = StoreSettings.from(context::getProperty, System.getenv());
        Clock clock = Clock.systemUTC();
        SecureRandom random = new SecureRandom();
        this.database = Database.open(settings);
        try {
            // From this bundle's entries, not Flyway's class-path scan: in OSGi that scan goes through the
            // Flyway bundle's context, which is null until that bundle has started, and then finds no scripts.
            Migrations.apply(database.dataSource(), context.getBundle(), Migrations.CORE_LOCATION,
                    Migrations.CORE_HISTORY_TABLE);
            TimeOrderedIds ids = new TimeOrderedIds(clock, random);
            this.worker = settings.panelCallback().map(url -> outboxWorker(settings, url, clock, random));
            PaymentPublisher publisher = new PaymentPublisher(eventAdmin);
            this.ledger = new JdbcPaymentLedger(database.dataSource(), ids, clock, StoreSettings.MAX_GROUP,
                    StoreSettings.COMMIT_WAIT, changed -> announce(publisher, changed));
            this.extender = new MigrationExtender(context, database.dataSource());
            extender.open();
            OutboxPruner pruner = new OutboxPruner(database.dataSource(), new OutboxTable(), clock,
                    StoreSettings.DELIVERED_RETENTION);
            maintenance.scheduleWithFixedDelay(pruner::prune, StoreSettings.PRUNE_FIRST.toMillis(),
                    StoreSettings.PRUNE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            Optional<String> idle = worker.isPresent() ? Optional.empty() : Optional.of(
                    "no panel callback URL is configured (start the runtime with --panel-callback URL); "
                            + "deliveries wait as pending until one is");
            register(context, idle);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        if (worker.isEmpty()) {
            LOG.log(Level.INFO, "no panel callback URL (--panel-callback): payment deliveries wait in the outbox");
        }
    }

    private OutboxWorker outboxWorker(StoreSettings settings, URI url, Clock clock, SecureRandom random) {
        String secret = CallbackSecret.resolve(settings.callbackSecret(),
                settings.dataDir().resolve(StoreSettings.CALLBACK_SECRET_FILE), random);
        PanelCallback callback = new PanelCallback(url, new CallbackSigner(secret),
                HttpClient.newBuilder().connectTimeout(StoreSettings.CALLBACK_TIMEOUT).build(), clock,
                StoreSettings.CALLBACK_TIMEOUT);
        return new OutboxWorker(new OutboxWorker.Setup(database.dataSource(), new OutboxTable(), callback,
                new Backoff(StoreSettings.FIRST_RETRY, StoreSettings.RETRY_FACTOR, StoreSettings.MAX_RETRY), clock,
                NodeId.of(settings.dataDir()), StoreSettings.OUTBOX_POLL, StoreSettings.CLAIM,
                StoreSettings.OUTBOX_BATCH, StoreSettings.CALLBACK_SENDERS));
    }

    private void announce(PaymentPublisher publisher, List<Payment> changed) {
        publisher.publish(changed);
        worker.ifPresent(OutboxWorker::wake);
    }

    private void register(BundleContext context, Optional<String> idle) {
        registrations.add(context.registerService(PaymentLedger.class, ledger, null));
        registrations.add(context.registerService(Deliveries.class,
                new JdbcDeliveries(database.dataSource(), new OutboxTable(), idle), null));
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(StoreComponent.DATASOURCE_PROPERTY, StoreComponent.MAIN);
        props.put("database", database.kind().name().toLowerCase());
        registrations.add(context.registerService(DataSource.class, database.dataSource(), props));
    }

    @Override
    public void close() {
        registrations.forEach(ServiceRegistration::unregister);
        registrations.clear();
        maintenance.shutdownNow();
        if (extender != null) {
            extender.close();
        }
        if (ledger != null) {
            ledger.close();
        }
        if (worker != null) {
            worker.ifPresent(OutboxWorker::close);
        }
        database.close();
    }
}
