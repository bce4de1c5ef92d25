import { isIP } from 'node:net';

/** One OUTBOUND_ALLOW entry: a host (name or IP) with an optional port, or a network in CIDR notation. */
export type OutboundAllowEntry = { host: string; port: number | null } | { network: string; bits: number };

/**
 * Parses OUTBOUND_ALLOW: comma-separated `host`, `host:port`, `[v6]:port`, `a.b.c.d/n` or `v6/n`. Throws naming the
 * bad entry.
 */
export function parseOutboundAllow(text: string): OutboundAllowEntry[] {
  return text.split(',').map((raw) => raw.trim().toLowerCase()).filter(Boolean).map((entry) => {
    const cidr = /^([^/]+)\/(\d{1,3})$/.exec(entry);
    if (cidr) {
      const bits = Number(cidr[2]);
      const family = isIP(cidr[1]!);
      if (!family || bits > (family === 4 ? 32 : 128)) throw new Error(`"${entry}" is not a network (a.b.c.d/n or v6/n)`);
      return { network: cidr[1]!, bits };
    }
    if (isIP(entry)) return { network: entry, bits: isIP(entry) === 4 ? 32 : 128 };
    const hostPort = /^(?:\[([0-9a-f:.]+)\]|([a-z0-9]([a-z0-9.-]*[a-z0-9])?)):(\d{1,5})$/.exec(entry);
    const host = hostPort ? (hostPort[1] ?? hostPort[2]!) : entry.replace(/\.$/, '');
    const port = hostPort ? Number(hostPort[4]) : null;
    if ((port !== null && (port < 1 || port > 65535)) || (!isIP(host) && !/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/.test(host))) {
      throw new Error(`"${entry}" is not host, host:port or a network`);
    }
    return { host, port };
  });
}

