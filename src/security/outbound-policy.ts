import { promises as dns } from 'node:dns';
import { isIP } from 'node:net';
import { ForbiddenError } from '../common/errors';
import { registryOf } from '../docker/image-reference';
import { classifyAddress, inCidr } from './address-class';
import type { OutboundAllowEntry } from './outbound-allow';

export type Lookup = (host: string) => Promise<string[]>;

/** Docker Hub, which the daemon reaches under its own names whatever our DNS says (and a reference without a registry). */
const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
const LOOKUP_TIMEOUT_MS = 5000;

/**
 * The one outbound-address policy, for every request a Docker daemon makes because of what a caller sent: pulls,
 * pushes, builds (FROM, ADD <url>, COPY --from), and later service and instance image references. The daemon fetches
 * from ITS network position, so a destination on loopback, link-local or private networks would let a caller read
 * services of the Docker host's own network. Those are refused unless OUTBOUND_ALLOW names them (the fleet's own
 * registries). Names are resolved here, every answer judged: one private answer is enough to refuse.
 *
 * What this cannot see: the daemon resolves again (DNS rebinding between the two lookups), and follows a public
 * server's redirects. It is a gate on what callers name, not a firewall; the daemon's network is the firewall's job.
 */
export class OutboundPolicy {
  private readonly lookup: Lookup;

  /**
   * `consequence` ends a refusal's message: what reaching the address would do and which setting allows it (the
   * default speaks of Docker daemons and OUTBOUND_ALLOW; task callbacks, sent by the API server, name TASK_CALLBACK_ALLOW).
   */
  constructor(private readonly options: { allow: readonly OutboundAllowEntry[]; lookup?: Lookup; consequence?: string }) {
    this.lookup = options.lookup ?? systemLookup;
  }

  /** The registry an image reference names; Docker Hub (named or implied) needs no check. */
  async checkImage(reference: string, field: string, label = field): Promise<void> {
    const registry = registryOf(reference).toLowerCase();
    if (DOCKER_HUB.has(registry)) return;
    const [, host, port] = /^(.*?)(?::(\d+))?$/.exec(registry)!;
    // A registry named without a port is reached on 443 (and 80 for an insecure one).
    await this.check({ host: host!, port: port ? Number(port) : 443 }, { field, label, what: `registry ${registry}` });
  }

  /** A URL a daemon would fetch (ADD <url>); only http(s) is something we can judge. */
  async checkUrl(text: string, field: string, label = field): Promise<void> {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new ForbiddenError(`${label}: "${text.slice(0, 200)}" is not a URL that can be checked`, field);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ForbiddenError(`${label}: only http and https sources can be checked, not ${url.protocol}`, field);
    const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
    await this.check({ host: url.hostname, port }, { field, label, what: `${url.protocol}//${url.host}` });
  }

  /** Refuses (FORBIDDEN naming `field`) a destination that is, or resolves to, a non-public address not allowed. */
  async check(target: { host: string; port: number }, refusal: { field: string; label: string; what: string }): Promise<void> {
    const { field, label, what } = refusal;
    const host = canonicalHost(target.host);
    if (this.allowedByName(host, target.port)) return;
    const refuse = (why: string) => {
      throw new ForbiddenError(`${label}: ${what} ${why}: ${this.options.consequence ?? 'the Docker host would reach its own network; refused unless OUTBOUND_ALLOW lists it'}`, field);
    };
    if (host === 'localhost' || host.endsWith('.localhost')) refuse('is a loopback name');
    let addresses: string[];
    if (isIP(host.replace(/%.*$/, ''))) addresses = [host];
    else {
      addresses = await this.resolve(host);
      if (addresses.length === 0) {
        try {
          refuse('does not resolve from the API server, so its address cannot be checked');
        } catch (error) {
          // Marked: a name that does not resolve now may resolve later (a resolver hiccup), unlike a forbidden address.
          (error as ForbiddenError).details.unresolved = true;
          throw error;
        }
      }
    }
    for (const address of addresses) {
      const cls = classifyAddress(address);
      if (cls && !this.allowedAddress(address, target.port)) refuse(`is on a ${cls} address (${address})`);
    }
  }

  private allowedByName(host: string, port: number): boolean {
    return this.options.allow.some((e) => 'host' in e && e.host === host && (e.port === null || e.port === port));
  }

  private allowedAddress(address: string, port: number): boolean {
    return this.options.allow.some((e) => ('network' in e ? inCidr(address, e.network, e.bits) : isIP(e.host) && e.port === port && inCidr(address, e.host, isIP(e.host) === 4 ? 32 : 128)));
  }

  private async resolve(host: string): Promise<string[]> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<string[]>((resolve) => (timer = setTimeout(() => resolve([]), LOOKUP_TIMEOUT_MS)));
    try {
      return await Promise.race([this.lookup(host).catch(() => []), late]);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** Every address the system resolver gives (getaddrinfo, as the daemon's own resolver would read /etc/hosts too). */
async function systemLookup(host: string): Promise<string[]> {
  return (await dns.lookup(host, { all: true, verbatim: true })).map((a) => a.address);
}

/**
 * A host as a URL parser reads it: lower case, no brackets or trailing dot, and the numeric IPv4 spellings a resolver
 * would accept (`127.1`, `0x7f.0.0.1`, `2130706433`) written out, so they are judged as the addresses they are.
 */
function canonicalHost(host: string): string {
  const bare = host.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  try {
    return new URL(`http://${isIP(bare) === 6 ? `[${bare}]` : bare}/`).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return bare;
  }
}
