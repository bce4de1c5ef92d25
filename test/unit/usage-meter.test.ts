import { UsageMeter } from '../../src/instances/instance.usage';

const MB = 1024 * 1024;
const frame = (over: Partial<Parameters<UsageMeter['add']>[0]> = {}) => ({ cpuPercent: 0, memoryBytes: 0, memoryLimitBytes: 64 * MB, processes: 1, networkRxBytes: 0, networkTxBytes: 0, blockReadBytes: 0, blockWriteBytes: 0, at: new Date('2026-01-01T00:00:00Z'), ...over });
// What the Engine streams once the container has stopped: no memory_stats (no limit), every counter zero.
const stopped = () => frame({ memoryLimitBytes: null, at: new Date('2026-01-01T00:01:00Z') });

describe(UsageMeter.name, () => {
  it('keeps peak and last memory and CPU, and the newest network totals', () => {
    const meter = new UsageMeter();
    meter.add(frame({ memoryBytes: 30 * MB, cpuPercent: 12.5, networkRxBytes: 100, networkTxBytes: 50 }));
    meter.add(frame({ memoryBytes: 20 * MB, cpuPercent: 2, networkRxBytes: 300, networkTxBytes: 70 }));
    expect(meter.value).toMatchObject({ memoryUsedMb: 20, peakMemoryUsedMb: 30, cpuUsedMillicores: 20, peakCpuUsedMillicores: 125, networkBytesIn: 300, networkBytesOut: 70, samples: 2 });
  });

  it('ignores the empty frames of a stopped container: the last reading stays the last real one', () => {
    const meter = new UsageMeter();
    const last = frame({ memoryBytes: 24 * MB, cpuPercent: 1, networkRxBytes: 500, networkTxBytes: 300 });
    meter.add(last);
    meter.add(stopped());
    meter.add(stopped());
    expect(meter.value).toEqual({ memoryUsedMb: 24, peakMemoryUsedMb: 24, cpuUsedMillicores: 10, peakCpuUsedMillicores: 10, storageUsedBytes: 0, networkBytesIn: 500, networkBytesOut: 300, samples: 1, sampledAt: last.at });
  });

  it('ignores a frame taken while the cgroup is torn down: no process left, a few hundred KB read', () => {
    const meter = new UsageMeter();
    const last = frame({ memoryBytes: 24 * MB });
    meter.add(last);
    // As the fleet's Engine sent it after a 24 MB run exited: memory stats with a limit, no pids count.
    meter.add(frame({ memoryBytes: 479_232, processes: null, at: new Date('2026-01-01T00:00:02Z') }));
    meter.add(frame({ memoryBytes: 300_000, processes: 0, at: new Date('2026-01-01T00:00:03Z') }));
    meter.add(stopped());
    expect(meter.value).toMatchObject({ memoryUsedMb: 24, peakMemoryUsedMb: 24, samples: 1, sampledAt: last.at });
  });

  it('reads every frame of an Engine that counts no processes at all', () => {
    const meter = new UsageMeter();
    meter.add(frame({ memoryBytes: 10 * MB, processes: null }));
    meter.add(frame({ memoryBytes: 12 * MB, processes: null }));
    expect(meter.value).toMatchObject({ memoryUsedMb: 12, peakMemoryUsedMb: 12, samples: 2 });
  });

  it('continues from the usage stored by an earlier driver of the run', () => {
    const meter = new UsageMeter({ memoryUsedMb: 10, peakMemoryUsedMb: 40, cpuUsedMillicores: 5, peakCpuUsedMillicores: 900, storageUsedBytes: 0, networkBytesIn: 1000, networkBytesOut: 2000, samples: 7, sampledAt: null });
    meter.add(frame({ memoryBytes: 12 * MB, networkRxBytes: 1200, networkTxBytes: 2100 }));
    meter.storage(4096);
    expect(meter.value).toMatchObject({ memoryUsedMb: 12, peakMemoryUsedMb: 40, peakCpuUsedMillicores: 900, networkBytesIn: 1200, networkBytesOut: 2100, storageUsedBytes: 4096, samples: 8 });
  });
});
