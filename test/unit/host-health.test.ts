import { ERROR_THRESHOLD, afterCheck, isUserOffline } from '../../src/hosts/host-health';
import { HostStatus } from '../../src/hosts/host.enums';

describe('host health state machine', () => {
  it('moves a host to ERROR on the fifth consecutive failure, not before', () => {
    let state = { status: HostStatus.CONNECTED, consecutiveFailures: 0 };
    const seen: HostStatus[] = [];
    for (let i = 0; i < ERROR_THRESHOLD; i++) {
      state = afterCheck(state, false);
      seen.push(state.status);
    }
    expect(ERROR_THRESHOLD).toBe(5);
    expect(seen).toEqual([
      HostStatus.DISCONNECTED,
      HostStatus.DISCONNECTED,
      HostStatus.DISCONNECTED,
      HostStatus.DISCONNECTED,
      HostStatus.ERROR,
    ]);
    expect(state.consecutiveFailures).toBe(5);
  });

  it('keeps a never-reached host PENDING while it fails, counting failures', () => {
    expect(afterCheck({ status: HostStatus.PENDING, consecutiveFailures: 2 }, false)).toEqual({ status: HostStatus.PENDING, consecutiveFailures: 3 });
  });

  it('stays in ERROR on further failures', () => {
    expect(afterCheck({ status: HostStatus.ERROR, consecutiveFailures: 7 }, false)).toEqual({ status: HostStatus.ERROR, consecutiveFailures: 8 });
  });

  it('connects and clears the failure count on success', () => {
    for (const status of [HostStatus.PENDING, HostStatus.DISCONNECTED, HostStatus.ERROR, HostStatus.CONNECTED]) {
      expect(afterCheck({ status, consecutiveFailures: 4 }, true)).toEqual({ status: HostStatus.CONNECTED, consecutiveFailures: 0 });
    }
  });

  it('never moves a host out of MAINTENANCE on a check result', () => {
    const state = { status: HostStatus.MAINTENANCE, consecutiveFailures: 0 };
    expect(afterCheck(state, true)).toEqual(state);
    expect(afterCheck(state, false)).toEqual(state);
  });

  it('treats maintenance and a user disconnect as offline, but not a lost connection', () => {
    expect(isUserOffline({ status: HostStatus.MAINTENANCE, consecutiveFailures: 0 })).toBe(true);
    expect(isUserOffline({ status: HostStatus.DISCONNECTED, consecutiveFailures: 0 })).toBe(true);
    expect(isUserOffline({ status: HostStatus.DISCONNECTED, consecutiveFailures: 2 })).toBe(false);
    expect(isUserOffline({ status: HostStatus.CONNECTED, consecutiveFailures: 0 })).toBe(false);
  });
});
