package org.paymenter.ext.servers.proxmox;

import java.lang.System.Logger.Level;
import java.time.Duration;

import org.paymenter.ext.api.ExtensionException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Waits for a worker task until it stops, and turns a failed one into an {@link ExtensionException} that
 * carries the task's exit status (the node's own explanation, e.g. "clone failed: storage 'x' is full").
 * Polls often at first and less often later, up to the instance's task timeout.
 */
final class TaskWaiter {

    private static final System.Logger LOG = System.getLogger(TaskWaiter.class.getName());
    private static final String SUCCESS = "OK";
    /** A task that finished but logged warnings ("WARNINGS: 2"); Proxmox VE counts it as done. */
    private static final String WARNINGS = "WARNINGS";

    private final ProxmoxClient client;

    TaskWaiter(ProxmoxClient client) {
        this.client = client;
    }

    /**
     * Waits for the task a write call answered with.
     *
     * @param answer the call's {@code data}: a UPID
     * @param what   what the task does, for messages ("clone of template 9000 into VM 105")
     */
    void await(JsonNode answer, String what) {
        Upid upid = Upid.parse(answer.asText(null)).orElseThrow(() -> new ExtensionException(
                "Proxmox VE started no task for the " + what + " (it answered " + answer + " instead of a task id)"));
        Duration timeout = client.connection().taskTimeout();
        long deadline = System.nanoTime() + timeout.toNanos();
        Duration pause = ProxmoxDefaults.TASK_FIRST_POLL;
        while (true) {
            sleep(pause, what);
            JsonNode status = client.get("/nodes/" + ProxmoxClient.segment(upid.node()) + "/tasks/" + upid.text()
                    + "/status");
            if ("stopped".equals(status.path("status").asText())) {
                checkExit(status.path("exitstatus").asText(""), upid, what);
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new ExtensionException("the " + what + " is still running after " + timeout.toSeconds()
                        + " s; see the task log of node " + upid.node() + " for " + upid.text());
            }
            pause = next(pause);
        }
    }

    private static void checkExit(String exitStatus, Upid upid, String what) {
        if (SUCCESS.equals(exitStatus)) {
            return;
        }
        if (exitStatus.startsWith(WARNINGS)) {
            LOG.log(Level.WARNING, "Proxmox VE task {0} finished with {1}", upid.text(), exitStatus);
            return;
        }
        throw new TaskFailedException("the " + what + " failed (task " + upid.type() + "): "
                + (exitStatus.isBlank() ? "no exit status" : exitStatus));
    }

    static Duration next(Duration pause) {
        long grown = (long) (pause.toMillis() * ProxmoxDefaults.TASK_POLL_GROWTH);
        return Duration.ofMillis(Math.min(grown, ProxmoxDefaults.TASK_MAX_POLL.toMillis()));
    }

    private static void sleep(Duration pause, String what) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExtensionException("interrupted while waiting for the " + what, e);
        }
    }
}
