import { isIP } from 'node:net';
import type { Fields } from './compose.fields';
import { shellSplit } from './shell.split';
import type { ContainerSpec, HealthConfig } from './stack-plan.types';

/** `command:` / `entrypoint:`: a string is split into words as the CLI does (no shell runs it), a list is kept. */
export function shellCommand(fields: Fields, key: string): string[] | undefined {
  const value = fields.raw(key);
  if (value === undefined) return undefined;
  if (typeof value === 'string') {
    const words = shellSplit(value);
    if (Array.isArray(words)) return words;
    return fields.ctx.problem(fields.at(key), words.error);
  }
  if (Array.isArray(value)) return value.map(String);
  return fields.ctx.problem(fields.at(key), 'must be a string or a list of strings');
}

/**
 * `environment:` (list or mapping) → sorted `KEY=value` (convertEnvironment). A key without a value takes the deploy
 * variable of that name when one is given (the CLI takes its own environment: here only `variables` count), else
 * stays a bare `KEY`, which Docker reads as unset.
 */
export function environment(fields: Fields): string[] | undefined {
  const mapping = fields.mapping('environment', { allowNil: true });
  if (!mapping) return undefined;
  const variables = fields.ctx.variables;
  const entries = Object.entries(mapping).map(([key, value]) => {
    const given = Object.prototype.hasOwnProperty.call(variables, key) ? variables[key] : undefined;
    if ((value === null || value === '') && given !== undefined) return `${key}=${given}`;
    return value === null ? key : `${key}=${value}`;
  });
  return entries.length ? entries.sort() : undefined;
}

/** `healthcheck:` (convertHealthcheck): a string test is CMD-SHELL; `disable: true` is Test ["NONE"]. */
export function healthcheck(fields: Fields | undefined): HealthConfig | undefined {
  if (!fields) return undefined;
  const rawTest = fields.raw('test');
  const test = typeof rawTest === 'string' ? ['CMD-SHELL', rawTest] : Array.isArray(rawTest) ? rawTest.map(String) : undefined;
  if (rawTest !== undefined && !test) fields.ctx.problem(fields.at('test'), 'must be a string or a list of strings');
  const disable = fields.bool('disable');
  const config: HealthConfig = {};
  const durations = { Interval: fields.duration('interval'), Timeout: fields.duration('timeout'), StartPeriod: fields.duration('start_period'), StartInterval: fields.duration('start_interval') };
  const retries = fields.int('retries');
  fields.finish();
  if (disable) {
    if (test?.length) fields.ctx.problem(fields.at('disable'), "test and disable can't be set at the same time");
    return { Test: ['NONE'] };
  }
  if (test?.length) config.Test = test;
  for (const [key, value] of Object.entries(durations)) if (value) config[key as 'Interval'] = value;
  if (retries) config.Retries = retries;
  return config;
}

/** `extra_hosts:` (`host:ip`, `host=ip` or a mapping) → swarmkit's `ip host`, in the file's order. */
export function extraHosts(fields: Fields): string[] | undefined {
  const raw = fields.raw('extra_hosts');
  if (raw === undefined) return undefined;
  let pairs: [string, string][];
  if (Array.isArray(raw)) {
    pairs = raw.map(String).flatMap((entry, index): [string, string][] => {
      // `=` first, then `:` (an IPv6 address has colons), as transformHostsList tries them.
      const at = [entry.indexOf('='), entry.indexOf(':')].find((i) => i >= 0);
      if (at === undefined) fields.ctx.warn([...fields.at('extra_hosts'), index], `${entry} has no address (host:ip); ignored`);
      return at === undefined ? [] : [[entry.slice(0, at), entry.slice(at + 1)]];
    });
  } else if (raw && typeof raw === 'object') {
    pairs = Object.entries(raw as Record<string, unknown>)
      .filter(([, ip]) => ip !== null)
      .map(([host, ip]): [string, string] => [host, String(ip)])
      .sort(([a, x], [b, y]) => (`${a}:${x}` < `${b}:${y}` ? -1 : 1));
  } else return fields.ctx.problem(fields.at('extra_hosts'), 'must be a list of host:ip or a mapping');
  return pairs.map(([host, ip]) => `${ip.replace(/^\[(.+)\]$/, '$1')} ${host}`);
}

/** cap_add / cap_drop (opts.EffectiveCapAddCapDrop): CAP_-prefixed, upper case, deduplicated, sorted; add wins. */
export function capabilities(fields: Fields): Pick<ContainerSpec, 'CapabilityAdd' | 'CapabilityDrop'> {
  const normalize = (list: string[] | undefined) =>
    new Set((list ?? []).map((c) => c.trim().toUpperCase()).map((c) => (c === 'ALL' || c === 'RESET' || c.startsWith('CAP_') ? c : `CAP_${c}`)));
  let add = normalize(fields.strings('cap_add'));
  let drop = normalize(fields.strings('cap_drop'));
  if (add.has('ALL')) add = new Set(['ALL']);
  if (drop.has('ALL')) drop = new Set(['ALL']);
  const capAdd = [...add].filter((c) => c !== 'RESET').sort();
  const capDrop = [...drop].filter((c) => !add.has(c) && c !== 'RESET').sort();
  return { ...(capAdd.length ? { CapabilityAdd: capAdd } : {}), ...(capDrop.length ? { CapabilityDrop: capDrop } : {}) };
}

/** `ulimits:` → sorted by name; a single number sets soft and hard. */
export function ulimits(fields: Fields): ContainerSpec['Ulimits'] {
  const section = fields.object('ulimits');
  if (!section) return undefined;
  const limits = Object.keys(section.value)
    .sort()
    .map((name) => {
      if (typeof section.value[name] === 'object' && section.value[name] !== null) {
        const limit = section.object(name)!;
        const [soft, hard] = [limit.int('soft', { min: -1 }), limit.int('hard', { min: -1 })];
        limit.finish();
        return { Name: name, Soft: soft ?? 0, Hard: hard ?? 0 };
      }
      const single = section.int(name, { min: -1 }) ?? 0;
      return { Name: name, Soft: single, Hard: single };
    });
  return limits.length ? limits : undefined;
}

/** dns, dns_search, dns_opt → DNSConfig (nameservers must be IP addresses). */
export function dnsConfig(fields: Fields): ContainerSpec['DNSConfig'] {
  const servers = fields.strings('dns') ?? [];
  const search = fields.strings('dns_search') ?? [];
  const options = fields.strings('dns_opt') ?? [];
  for (const server of servers) if (!isIP(server)) fields.ctx.problem(fields.at('dns'), `${server} is not an IP address`);
  if (!servers.length && !search.length && !options.length) return undefined;
  return { ...(servers.length ? { Nameservers: servers } : {}), ...(search.length ? { Search: search } : {}), ...(options.length ? { Options: options } : {}) };
}

/** `logging:` → LogDriver. */
export function logDriver(fields: Fields): { Name?: string; Options?: Record<string, string> } | undefined {
  const logging = fields.object('logging');
  if (!logging) return undefined;
  const name = logging.string('driver');
  const options = logging.labels('options');
  logging.finish();
  return { ...(name ? { Name: name } : {}), ...(options && Object.keys(options).length ? { Options: options } : {}) };
}
