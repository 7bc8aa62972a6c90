package org.paymenter.ext.core.shell;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.paymenter.ext.core.api.BundleDeployments;
import org.paymenter.ext.core.api.ExtensionHistory;
import org.paymenter.ext.core.api.ExtensionInvoker;
import org.paymenter.ext.core.api.ExtensionRegistry;
import org.paymenter.ext.core.api.InstanceException;
import org.paymenter.ext.core.api.InstanceService;
import org.paymenter.ext.core.api.InvocationException;
import org.paymenter.ext.runtime.deploy.BundleFolder;
import org.paymenter.ext.runtime.deploy.FolderEntry;

/**
 * The {@code ext:*} Gogo commands. Each returns the text Gogo prints; a bad argument or refused action is a
 * one-line {@code error: ...}, never a stack trace. The work is done by the classes beside this one.
 */
@Component(service = Object.class, immediate = true, property = {
        "osgi.command.scope=ext",
        "osgi.command.function=list", "osgi.command.function=info", "osgi.command.function=install",
        "osgi.command.function=upgrade", "osgi.command.function=uninstall", "osgi.command.function=start",
        "osgi.command.function=stop", "osgi.command.function=instances", "osgi.command.function=config",
        "osgi.command.function=test", "osgi.command.function=diag" })
public class ExtCommands {

    private static final System.Logger LOG = System.getLogger(ExtCommands.class.getName());
    private static final String ERROR = "error: ";

    private final ExtensionRegistry registry;
    private final ExtensionInvoker invoker;
    private final BundleContext context;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile BundleFolder folder;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile InstanceService instances;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile BundleDeployments deployments;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ServiceComponentRuntime scr;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ExtensionHistory history;

    @Activate
    public ExtCommands(@Reference(name = "registry") ExtensionRegistry registry,
            @Reference(name = "invoker") ExtensionInvoker invoker, BundleContext context) {
        this.registry = registry;
        this.invoker = invoker;
        this.context = context;
    }

    @Descriptor("list the extensions and the jars of the bundles folder that are not active")
    public String list() {
        return run(() -> {
            BundleFolder current = folder;
            ExtensionHistory known = history;
            return new ExtensionViews(registry, invoker).list(current == null ? null : current.entries(),
                    known == null ? List.of() : known.list());
        });
    }

    @Descriptor("show an extension's metadata, capabilities, bundle, config fields and number of instances")
    public String info(@Descriptor("extension: proxmox or servers/proxmox") String extension) {
        return run(() -> new ExtensionViews(registry, invoker).info(extension, instances));
    }

    @Descriptor("copy a bundle jar into the bundles folder and report whether it started")
    public String install(@Descriptor("path of the jar") String path) {
        return run(() -> deployer().install(path));
    }

    @Descriptor("replace an installed bundle by another version of it (a lower one is a downgrade)")
    public String upgrade(@Descriptor("path of the new jar") String path) {
        return run(() -> deployer().upgrade(path));
    }

    @Descriptor("delete a bundle's jar from the bundles folder, which uninstalls it")
    public String uninstall(@Descriptor("extension, bundle symbolic name or bundle id") String target) {
        return run(() -> deployer().uninstall(target));
    }

    @Descriptor("start a bundle of the folder that ext:stop stopped")
    public String start(@Descriptor("extension, bundle symbolic name or bundle id") String target) {
        return run(() -> deployer().start(target));
    }

    @Descriptor("stop a bundle of the folder and keep it stopped across restarts (its jar stays)")
    public String stop(@Descriptor("extension, bundle symbolic name or bundle id") String target) {
        return run(() -> deployer().stop(target));
    }

    @Descriptor("list every configured instance")
    public String instances() {
        return run(() -> instanceCommands().list(null));
    }

    @Descriptor("list the configured instances of one extension")
    public String instances(@Descriptor("extension: proxmox or servers/proxmox") String extension) {
        return run(() -> instanceCommands().list(extension));
    }

    @Descriptor("say how to configure an extension's instances and which it has")
    public String config(@Descriptor("extension: proxmox or servers/proxmox") String extension) {
        return run(() -> instanceCommands().usage(extension));
    }

    @Descriptor("show an instance; with key=value pairs, create it or change those keys (key= clears one)")
    public String config(@Descriptor("extension: proxmox or servers/proxmox") String extension,
            @Descriptor("instance name") String instanceName,
            @Descriptor("key=value pairs") String... pairs) {
        return run(() -> instanceCommands().config(extension, instanceName, pairs));
    }

    @Descriptor("test a server instance's connection to its remote system")
    public String test(@Descriptor("instance id or name") String instance) {
        return run(() -> instanceCommands().test(instance));
    }

    @Descriptor("report every jar, component and extension that is not running as it should")
    public String diag() {
        return run(() -> {
            BundleFolder current = requireFolder();
            List<FolderEntry> entries = current.entries();
            ServiceComponentRuntime runtime = scr;
            List<ComponentProblem> components = runtime == null ? null
                    : ComponentProblems.of(runtime, bundlesToCheck(entries));
            return Diagnosis.render(current.directory(), entries, components, registry.list());
        });
    }

    /** The folder's installed bundles, and the core's own: its components are what the commands rely on. */
    private List<Bundle> bundlesToCheck(List<FolderEntry> entries) {
        List<Bundle> bundles = new ArrayList<>();
        bundles.add(context.getBundle());
        entries.stream().filter(e -> e.bundleId() >= 0).map(e -> context.getBundle(e.bundleId()))
                .filter(Objects::nonNull).forEach(bundles::add);
        return bundles;
    }

    private JarDeployer deployer() {
        BundleDeployments current = deployments;
        if (current == null) {
            throw new CommandException("the bundles folder is not available; see ext:diag");
        }
        return new JarDeployer(current, requireFolder(), registry, history);
    }

    private InstanceCommands instanceCommands() {
        InstanceService current = instances;
        if (current == null) {
            throw new CommandException("the instance service is not running; see ext:diag");
        }
        return new InstanceCommands(registry, current, invoker);
    }

    private BundleFolder requireFolder() {
        BundleFolder current = folder;
        if (current == null) {
            throw new CommandException("the bundles folder service is not available (is the launcher running?)");
        }
        return current;
    }

    /** Every failure becomes one line for the operator; unexpected ones are logged with their stack trace. */
    private static String run(Supplier<String> command) {
        try {
            return command.get();
        } catch (CommandException | InstanceException | InvocationException e) {
            return ERROR + e.getMessage();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "shell command failed", e);
            return ERROR + e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }
}
