import { Fields, type ConvertContext } from './compose.fields';
import type { KeyPath } from './compose.yaml';
import type { PortConfig } from './stack-plan.types';

/**
 * `ports:` → EndpointSpec.Ports. Short syntax as go-connections' ParsePortSpec + the CLI's ConvertPortToPortConfig
 * (ingress mode, tcp unless said, ranges paired one to one, a host range with one container port fans out); the long
 * syntax as written. Sorted by published, target, protocol, mode, as convertEndpointSpec sorts them.
 */
export function convertPorts(ctx: ConvertContext, items: { value: unknown; path: KeyPath }[]): PortConfig[] {
  const ports: PortConfig[] = [];
  for (const { value, path } of items) {
    if (typeof value === 'string' || typeof value === 'number') ports.push(...shortPort(ctx, String(value), path));
    else ports.push(...longPort(Fields.of(ctx, path, value)));
  }
  return ports.sort(comparePorts);
}

function comparePorts(a: PortConfig, b: PortConfig): number {
  const by = <T>(x: T, y: T) => (x < y ? -1 : x > y ? 1 : 0);
  return by(a.PublishedPort ?? 0, b.PublishedPort ?? 0) || by(a.TargetPort ?? 0, b.TargetPort ?? 0) || by(a.Protocol ?? '', b.Protocol ?? '') || by(a.PublishMode ?? '', b.PublishMode ?? '');
}

function port(config: { target: number; published: number; protocol?: string; mode?: string }): PortConfig {
  return {
    ...(config.protocol ? { Protocol: config.protocol } : {}),
    ...(config.target ? { TargetPort: config.target } : {}),
    ...(config.published ? { PublishedPort: config.published } : {}),
    ...(config.mode ? { PublishMode: config.mode } : {}),
  };
}

function range(text: string): [number, number] | undefined {
  const match = /^(\d+)(?:-(\d+))?$/.exec(text);
  if (!match) return undefined;
  const start = Number(match[1]);
  const end = match[2] ? Number(match[2]) : start;
  return start <= end && end <= 65535 ? [start, end] : undefined;
}

function shortPort(ctx: ConvertContext, spec: string, path: KeyPath): PortConfig[] {
  const parts = spec.split(':');
  const containerPart = parts.pop()!;
  const hostPart = parts.pop() ?? '';
  const ip = parts.join(':').replace(/^\[(.*)\]$/, '$1');
  const [containerPorts, protocolText = 'tcp'] = containerPart.split('/') as [string, string?];
  const protocol = protocolText.toLowerCase();
  if (!['tcp', 'udp', 'sctp'].includes(protocol)) return ctx.problem(path, `invalid proto: ${protocol}`) ?? [];
  const container = range(containerPorts);
  if (!container) return ctx.problem(path, `invalid containerPort: ${containerPorts}`) ?? [];
  const host = hostPart ? range(hostPart) : undefined;
  if (hostPart && !host) return ctx.problem(path, `invalid hostPort: ${hostPart}`) ?? [];
  const count = container[1] - container[0] + 1;
  if (host && host[1] - host[0] !== count - 1 && count !== 1) {
    return ctx.problem(path, `invalid ranges specified for container and host Ports: ${containerPorts} and ${hostPart}`) ?? [];
  }
  if (ip && ip !== '0.0.0.0' && ip !== '::') ctx.warn(path, `swarm publishes on every address: the IP address ${ip} is ignored`);
  const ports: PortConfig[] = [];
  for (let i = 0; i < count; i++) {
    const target = container[0] + i;
    if (!host) ports.push(port({ target, published: 0, protocol, mode: 'ingress' }));
    else if (count === 1) for (let p = host[0]; p <= host[1]; p++) ports.push(port({ target, published: p, protocol, mode: 'ingress' }));
    else ports.push(port({ target, published: host[0] + i, protocol, mode: 'ingress' }));
  }
  return ports;
}

function longPort(fields: Fields): PortConfig[] {
  const target = fields.int('target', { min: 1 });
  const published = fields.int('published');
  const protocol = fields.string('protocol');
  const mode = fields.string('mode');
  if (target === undefined) fields.ctx.problem(fields.at('target'), 'is required');
  if (target !== undefined && target > 65535) fields.ctx.problem(fields.at('target'), 'must be a port number (1-65535)');
  if (published !== undefined && published > 65535) fields.ctx.problem(fields.at('published'), 'must be a port number (0-65535)');
  if (protocol !== undefined && !['tcp', 'udp', 'sctp'].includes(protocol)) fields.ctx.problem(fields.at('protocol'), 'must be tcp, udp or sctp');
  if (mode !== undefined && !['ingress', 'host'].includes(mode)) fields.ctx.problem(fields.at('mode'), 'must be ingress or host');
  fields.finish();
  return [port({ target: target ?? 0, published: published ?? 0, protocol, mode })];
}
