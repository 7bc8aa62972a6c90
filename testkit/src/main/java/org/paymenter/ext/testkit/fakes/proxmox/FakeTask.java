package org.paymenter.ext.testkit.fakes.proxmox;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A worker task. It answers {@code running} to the first polls, then stops: with its effect applied and
 * exit status {@code OK}, or, when told to fail or when the effect fails, with that failure as exit status
 * and its undo applied instead. Changed only under the cluster's lock.
 */
final class FakeTask {

    /** What an effect throws to end its task with an exit status other than OK. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure(String exitStatus) {
            super(exitStatus);
        }
    }

    private static final String OK = "OK";

    final String upid;
    final String node;
    final String type;
    final String id;
    final String user;
    final int pid;
    final long startTime;
    private final Runnable effect;
    private final Runnable undo;
    private final String forcedFailure;
    private int runningPollsLeft;
    private String exitStatus;

    FakeTask(String node, String type, String id, String user, int pid, long startTime, int runningPolls,
            Runnable effect, Runnable undo, String forcedFailure) {
        this.node = node;
        this.type = type;
        this.id = id;
        this.user = user;
        this.pid = pid;
        this.startTime = startTime;
        this.upid = String.format("UPID:%s:%08X:%08X:%08X:%s:%s:%s:", node, pid, pid * 7, startTime, type, id, user);
        this.runningPollsLeft = runningPolls;
        this.effect = effect;
        this.undo = undo;
        this.forcedFailure = forcedFailure;
        if (runningPolls == 0) {
            finish();
        }
    }

    boolean stopped() {
        return exitStatus != null;
    }

    /** {@code GET /nodes/{node}/tasks/{upid}/status}: counts as one poll. */
    Map<String, Object> poll() {
        if (!stopped()) {
            if (runningPollsLeft > 0) {
                runningPollsLeft--;
            } else {
                finish();
            }
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("upid", upid);
        s.put("node", node);
        s.put("pid", pid);
        s.put("pstart", pid * 7);
        s.put("starttime", startTime);
        s.put("type", type);
        s.put("id", id);
        s.put("user", user);
        s.put("status", stopped() ? "stopped" : "running");
        if (stopped()) {
            s.put("exitstatus", exitStatus);
        }
        return s;
    }

    private void finish() {
        if (forcedFailure != null) {
            undo.run();
            exitStatus = forcedFailure;
            return;
        }
        try {
            effect.run();
            exitStatus = OK;
        } catch (Failure e) {
            undo.run();
            exitStatus = e.getMessage();
        }
    }
}
