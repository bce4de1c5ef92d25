import type { ContainerUsage } from '../docker/docker.types';
import type { InstanceUsage } from './instance.entity';

const MB = 1024 * 1024;

/** Peak and last usage of one run, folded from its stats stream frames. */
export class UsageMeter {
  private usage: InstanceUsage;
  /** The Engine counts the container's processes in its frames (not every cgroup setup has the pids controller). */
  private countsProcesses = false;

  constructor(previous?: InstanceUsage | null) {
    this.usage = previous ? { ...previous } : { memoryUsedMb: 0, peakMemoryUsedMb: 0, cpuUsedMillicores: 0, peakCpuUsedMillicores: 0, storageUsedBytes: 0, networkBytesIn: 0, networkBytesOut: 0, samples: 0, sampledAt: null };
  }

  /**
   * Docker's first frame has no previous CPU reading (precpu is empty), so its CPU share is 0: it counts for memory
   * and network, not as a CPU sample. cpuPercent is of one CPU (100 = one core = 1000 millicores).
   * Once the container has stopped, the stream goes on with empty frames (read "0001-…", no memory_stats, so no
   * memory limit): they are no reading, and must not replace the last one with zeros.
   */
  add(frame: ContainerUsage & { at: Date }): void {
    // And a frame taken while the cgroup is torn down is no reading either: its processes are gone (a count of 0, or
    // no count at all from an Engine that counted them until then) and it reads what is left, 0 bytes or a few hundred
    // KB (seen on the fleet: 0.46 MB right after a 24 MB run's exit).
    if (frame.memoryLimitBytes === null || frame.memoryBytes === 0) return;
    if (frame.processes === 0 || (frame.processes === null && this.countsProcesses)) return;
    if (frame.processes !== null) this.countsProcesses = true;
    const memoryUsedMb = Math.round(frame.memoryBytes / MB);
    const cpuUsedMillicores = Math.round(frame.cpuPercent * 10);
    const u = this.usage;
    u.memoryUsedMb = memoryUsedMb;
    u.peakMemoryUsedMb = Math.max(u.peakMemoryUsedMb, memoryUsedMb);
    u.cpuUsedMillicores = cpuUsedMillicores;
    u.peakCpuUsedMillicores = Math.max(u.peakCpuUsedMillicores, cpuUsedMillicores);
    // Counters since the container started: the newest frame is the total (a stopped container's last frame is zeros).
    if (frame.networkRxBytes > 0 || frame.networkTxBytes > 0) {
      u.networkBytesIn = Math.max(u.networkBytesIn, frame.networkRxBytes);
      u.networkBytesOut = Math.max(u.networkBytesOut, frame.networkTxBytes);
    }
    u.samples++;
    u.sampledAt = frame.at;
  }

  storage(bytes: number | null): void {
    if (bytes != null) this.usage.storageUsedBytes = bytes;
  }

  get value(): InstanceUsage {
    return { ...this.usage };
  }
}
