import { isIP } from 'node:net';

/** Why an address is not on the public internet; null when it is. */
export type AddressClass = 'loopback' | 'link-local' | 'private' | 'shared (CGNAT)' | 'unique-local' | 'unspecified' | 'multicast' | 'reserved';

type V4Range = [a: number, b: number, c: number, d: number, bits: number, cls: AddressClass];

const V4: readonly V4Range[] = [
  [0, 0, 0, 0, 8, 'unspecified'], // "this network": 0.0.0.0 reaches the host itself on Linux
  [10, 0, 0, 0, 8, 'private'],
  [100, 64, 0, 0, 10, 'shared (CGNAT)'],
  [127, 0, 0, 0, 8, 'loopback'],
  [169, 254, 0, 0, 16, 'link-local'], // cloud metadata services live here (169.254.169.254)
  [172, 16, 0, 0, 12, 'private'],
  [192, 0, 0, 0, 24, 'reserved'],
  [192, 0, 2, 0, 24, 'reserved'],
  [192, 168, 0, 0, 16, 'private'],
  [198, 18, 0, 0, 15, 'reserved'],
  [198, 51, 100, 0, 24, 'reserved'],
  [203, 0, 113, 0, 24, 'reserved'],
  [224, 0, 0, 0, 4, 'multicast'],
  [240, 0, 0, 0, 4, 'reserved'], // includes 255.255.255.255
];

/**
 * Classifies an IP address (v4, or v6 in any spelling Node accepts). IPv6 forms that carry an IPv4 address — mapped
 * (::ffff:a.b.c.d), compatible (::a.b.c.d), NAT64 (64:ff9b::/96) and 6to4 (2002::/16) — are judged by that IPv4
 * address, since the daemon may reach it through them. Not an IP at all: 'reserved' (the caller should not ask).
 */
export function classifyAddress(address: string): AddressClass | null {
  const text = address.replace(/^\[|\]$/g, '').replace(/%.*$/, ''); // a zone id only says which interface
  if (isIP(text) === 4) return classifyV4(text.split('.').map(Number));
  if (isIP(text) !== 6) return 'reserved';
  const b = v6Bytes(text);
  const zeros = (from: number, to: number) => b.slice(from, to).every((x) => x === 0);
  if (zeros(0, 16)) return 'unspecified';
  if (zeros(0, 15) && b[15] === 1) return 'loopback';
  if (zeros(0, 10) && b[10] === 0xff && b[11] === 0xff) return classifyV4(b.slice(12));
  if (zeros(0, 12)) return classifyV4(b.slice(12));
  if (b[0] === 0x00 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b) return zeros(4, 12) ? classifyV4(b.slice(12)) : 'private';
  if (b[0] === 0x20 && b[1] === 0x02) return classifyV4(b.slice(2, 6));
  if ((b[0]! & 0xfe) === 0xfc) return 'unique-local';
  if (b[0] === 0xfe && (b[1]! & 0xc0) === 0x80) return 'link-local';
  if (b[0] === 0xfe && (b[1]! & 0xc0) === 0xc0) return 'private'; // site-local, deprecated but still routed somewhere
  if (b[0] === 0xff) return 'multicast';
  if (b[0] === 0x01 && zeros(1, 8)) return 'reserved'; // 100::/64, discard
  if (b[0] === 0x20 && b[1] === 0x01 && b[2] === 0x0d && b[3] === 0xb8) return 'reserved'; // documentation
  return null;
}

function classifyV4(bytes: readonly number[]): AddressClass | null {
  const value = v4Number(bytes);
  for (const [a, b, c, d, bits, cls] of V4) {
    const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
    if (((value & mask) >>> 0) === ((v4Number([a, b, c, d]) & mask) >>> 0)) return cls;
  }
  return null;
}

function v4Number(bytes: readonly number[]): number {
  return ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
}

/** The 16 bytes of a valid IPv6 address (`::` expanded, a trailing dotted quad read as its 4 bytes). */
export function v6Bytes(text: string): number[] {
  let groups = text.toLowerCase();
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(groups);
  if (quad) {
    const [p, q, r, s] = quad.slice(1).map(Number) as [number, number, number, number];
    groups = groups.slice(0, quad.index) + `${((p << 8) | q).toString(16)}:${((r << 8) | s).toString(16)}`;
  }
  const [head, tail] = groups.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const all = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return all.flatMap((g) => {
    const n = parseInt(g, 16);
    return [n >> 8, n & 0xff];
  });
}

/** Whether `address` lies in `network/bits` (both the same family; an IPv4-mapped IPv6 address counts as IPv4). */
export function inCidr(address: string, network: string, bits: number): boolean {
  const a = familyBytes(address);
  const n = familyBytes(network);
  if (!a || !n || a.length !== n.length) return false;
  for (let i = 0; i < a.length; i++) {
    const take = Math.max(0, Math.min(8, bits - i * 8));
    const mask = take === 0 ? 0 : (0xff << (8 - take)) & 0xff;
    if ((a[i]! & mask) !== (n[i]! & mask)) return false;
  }
  return true;
}

function familyBytes(address: string): number[] | null {
  const text = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (isIP(text) === 4) return text.split('.').map(Number);
  if (isIP(text) !== 6) return null;
  const b = v6Bytes(text);
  return b.slice(0, 10).every((x) => x === 0) && b[10] === 0xff && b[11] === 0xff ? b.slice(12) : b;
}
