package org.paymenter.ext.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How busy the machine was while a benchmark ran, from {@code /proc/stat} (every CPU) and
 * {@code /proc/self/stat} (this driver plus the children it has waited for), both in clock ticks
 * (USER_HZ, 100 per second on Linux). Other processes' share tells whether the figures are trustworthy.
 */
record CpuLoad(long machineBusyTicks, long ownTicks, long nanos) {

    private static final double TICKS_PER_SECOND = 100;

    static CpuLoad now() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < cpu.length; i++) {
                if (i != 4 && i != 5) { // all but idle and iowait
                    busy += Long.parseLong(cpu[i]);
                }
            }
            String self = Files.readString(Path.of("/proc/self/stat"));
            String[] f = self.substring(self.lastIndexOf(')') + 2).split(" ");
            // fields 14-17 of stat (utime stime cutime cstime) are 11-14 after the command name
            long own = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
            return new CpuLoad(busy, own, System.nanoTime());
        } catch (IOException | RuntimeException e) {
            return new CpuLoad(-1, -1, System.nanoTime());
        }
    }

    /** "N.N cores busy on average, M.M of them other processes" since {@code start}. */
    String describeSince(CpuLoad start) {
        if (start.machineBusyTicks() < 0 || machineBusyTicks < 0) {
            return "machine load unknown (no /proc)";
        }
        double seconds = (nanos - start.nanos()) / 1e9;
        double busy = (machineBusyTicks - start.machineBusyTicks()) / TICKS_PER_SECOND / seconds;
        double own = (ownTicks - start.ownTicks()) / TICKS_PER_SECOND / seconds;
        return String.format(Locale.ROOT, "%.2f of %d cores busy on average, %.2f of them other processes'", busy,
                Runtime.getRuntime().availableProcessors(), Math.max(0, busy - own));
    }
}
