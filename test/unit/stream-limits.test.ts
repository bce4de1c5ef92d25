import { Channel } from '../../src/common/channel';
import { StreamLimits, holdingSlot } from '../../src/common/stream-limits';

describe(StreamLimits.name, () => {
  it('counts per connection and per account, and gives a slot back once however often released', () => {
    const limits = new StreamLimits({ perSocket: 1, perAccount: 2 });
    const first = limits.acquire('a', 's1');
    expect(() => limits.acquire('a', 's1')).toThrow(/LIVE_STREAMS_PER_SOCKET/);
    limits.acquire('a', 's2');
    expect(() => limits.acquire('a', 's3')).toThrow(/LIVE_STREAMS_PER_ACCOUNT/);
    expect(() => limits.acquire('b', 's3')).not.toThrow();
    first();
    first();
    expect(limits.inUse('a')).toBe(1);
    expect(() => limits.acquire('a', 's1')).not.toThrow();
  });

  it('gives the slot back when the subscriber leaves before the first item, when the stream ends, and when it fails', async () => {
    const limits = new StreamLimits({ perSocket: 5, perAccount: 5 });
    const left = new Channel<number>();
    let closed = false;
    left.onClose = () => (closed = true);
    await holdingSlot(left, limits.acquire('a', 's')).return!();
    expect(closed).toBe(true);
    expect(limits.inUse('a')).toBe(0);

    const ended = new Channel<number>();
    const stream = holdingSlot(ended, limits.acquire('a', 's'));
    ended.push(1);
    ended.end();
    expect(await stream.next()).toEqual({ value: 1, done: false });
    expect(limits.inUse('a')).toBe(1);
    expect(await stream.next()).toEqual({ value: undefined, done: true });
    expect(limits.inUse('a')).toBe(0);

    const failing = new Channel<number>();
    const broken = holdingSlot(failing, limits.acquire('a', 's'));
    failing.end(new Error('engine went away'));
    await expect(broken.next()).rejects.toThrow('engine went away');
    expect(limits.inUse('a')).toBe(0);
  });
});
