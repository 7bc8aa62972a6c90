package org.paymenter.ext.testkit.fakes.proxmox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The cluster the fake serves: nodes, storages, bridges, VMs and tasks, plus the failures it was told to
 * produce. Every method runs under this object's lock (the fake answers one API call at a time, after any
 * configured delay).
 */
final class PveCluster {

    /** Where {@code /cluster/nextid} starts, as on a real cluster. */
    static final int FIRST_VMID = 100;

    final List<String> nodes = new ArrayList<>();
    final Map<Integer, FakeVm> vms = new TreeMap<>();
    final Map<String, FakeTask> tasks = new LinkedHashMap<>();
    final Map<String, List<String>> isoImages = new LinkedHashMap<>();
    final List<Map<String, Object>> storages = new ArrayList<>();
    final List<Map<String, Object>> networks = new ArrayList<>();

    private int nextPid = 0x4A10;
    private int runningPolls = 1;
    private final List<TaskFailureRule> taskFailures = new ArrayList<>();

    /** "Fail the next task (of this type)", consumed by the first task it matches. */
    private record TaskFailureRule(String type, String exitStatus) {
        boolean matches(String taskType) {
            return type == null || type.equals(taskType);
        }
    }

    synchronized void runningPolls(int polls) {
        this.runningPolls = polls;
    }

    synchronized void failNextTask(String type, String exitStatus) {
        taskFailures.add(new TaskFailureRule(type, exitStatus));
    }

    synchronized void clearTaskFailures() {
        taskFailures.clear();
    }

    void requireNode(String node) {
        if (!nodes.contains(node)) {
            throw new PveError(500, "hostname lookup '" + node + "' failed - failed to get address info for: " + node
                    + ": Name or service not known");
        }
    }

    FakeVm vm(String node, int vmid) {
        requireNode(node);
        FakeVm vm = vms.get(vmid);
        if (vm == null || !vm.node.equals(node)) {
            throw PveError.noSuchVm(node, vmid);
        }
        return vm;
    }

    /** A VM that no task holds: config and power calls are refused while a clone or create runs. */
    FakeVm unlockedVm(String node, int vmid) {
        FakeVm vm = vm(node, vmid);
        if (vm.lock != null) {
            throw new PveError(500, "VM " + vmid + " is locked (" + vm.lock + ")");
        }
        return vm;
    }

    /** The lowest unused VMID; VMs being built count as used. */
    int nextId() {
        int id = FIRST_VMID;
        while (vms.containsKey(id)) {
            id++;
        }
        return id;
    }

    /**
     * Starts a worker task and answers its UPID.
     *
     * @param effect what the task does when it finishes well; may throw {@link FakeTask.Failure}
     * @param undo   what is left when it fails (e.g. a clone's placeholder VM removed)
     */
    String startTask(String node, String type, String id, String user, Runnable effect, Runnable undo) {
        String forced = null;
        for (TaskFailureRule rule : taskFailures) {
            if (rule.matches(type)) {
                forced = rule.exitStatus();
                taskFailures.remove(rule);
                break;
            }
        }
        FakeTask task = new FakeTask(node, type, id, user, nextPid++, System.currentTimeMillis() / 1000, runningPolls,
                effect, undo, forced);
        tasks.put(task.upid, task);
        return task.upid;
    }

    Optional<FakeTask> task(String upid) {
        return Optional.ofNullable(tasks.get(upid));
    }
}
