import { isIP } from 'node:net';
import { Fields, type ConvertContext } from './compose.fields';
import type { PlannedNetwork } from './stack-plan.types';

export const NAMESPACE_LABEL = 'com.docker.stack.namespace';
export const IMAGE_LABEL = 'com.docker.stack.image';

/** A top-level `networks:` entry as services need it. */
export interface StackNetwork {
  name: string;
  external: boolean;
  declared: boolean;
  plan?: PlannedNetwork;
}

/**
 * `external: true` or the deprecated `external: { name }` (loadFileObjectConfig, LoadNetworks): an external object
 * keeps its `name:` or its key, unscoped; a stack object its `name:` or `<stack>_<key>`.
 */
export function externalOf(fields: Fields, key: string, kind: string): { external: boolean; name?: string } {
  const raw = fields.raw('external');
  const explicitName = fields.string('name');
  if (raw === undefined || raw === false || raw === 'false') return { external: false, name: explicitName };
  if (raw && typeof raw === 'object') {
    const legacy = (raw as Record<string, unknown>).name;
    if (typeof legacy === 'string') {
      if (explicitName) fields.ctx.problem(fields.at('external'), `${kind} ${key}: ${kind}.external.name and ${kind}.name conflict; only use ${kind}.name`);
      fields.ctx.warn(fields.at('external'), `${kind}.external.name is deprecated in favour of ${kind}.name`);
      return { external: true, name: legacy };
    }
  }
  return { external: true, name: explicitName ?? key };
}

/** Names Docker keeps on every node and that take no aliases (container.NetworkMode.IsUserDefined is false). */
const BUILT_IN = ['default', 'bridge', 'host', 'none'];
export const isUserDefined = (name: string) => !BUILT_IN.includes(name) && !name.startsWith('container:');

/**
 * Top-level `networks:` (convert.Networks). Only networks some service uses are created, with the stack label and
 * driver overlay unless set; `default` exists without being declared.
 */
export function readNetworks(ctx: ConvertContext, top: Fields): Map<string, StackNetwork> {
  const section = top.object('networks');
  const networks = new Map<string, StackNetwork>();
  for (const key of Object.keys(section?.value ?? {}).sort()) {
    if (key.startsWith('x-')) continue;
    const fields = Fields.of(ctx, section!.at(key), section!.raw(key));
    const { external, name } = externalOf(fields, key, 'network');
    const network: StackNetwork = { name: name ?? ctx.scope(key), external, declared: true };
    if (external) {
      network.plan = { name: network.name, external: true };
      fields.finish('an external network is used as it is; ignored');
    } else {
      network.plan = { name: network.name, external: false, spec: networkSpec(ctx, fields, network.name) };
      fields.finish();
    }
    networks.set(key, network);
  }
  section?.finish();
  if (!networks.has('default')) {
    const name = ctx.scope('default');
    networks.set('default', { name, external: false, declared: false, plan: { name, external: false, spec: { Name: name, Driver: 'overlay', Labels: { [NAMESPACE_LABEL]: ctx.stack } } } });
  }
  return networks;
}

function isCidr(text: string): boolean {
  const [address, bits, ...rest] = text.split('/');
  const family = isIP(address ?? '');
  return rest.length === 0 && family !== 0 && /^\d{1,3}$/.test(bits ?? '') && Number(bits) <= (family === 4 ? 32 : 128);
}

function networkSpec(ctx: ConvertContext, fields: Fields, name: string): NonNullable<PlannedNetwork['spec']> {
  const spec: NonNullable<PlannedNetwork['spec']> = { Name: name, Driver: fields.string('driver') || 'overlay', Labels: { ...fields.labels('labels'), [NAMESPACE_LABEL]: ctx.stack } };
  const options = fields.labels('driver_opts');
  if (options && Object.keys(options).length > 0) spec.Options = options;
  if (fields.bool('internal')) spec.Internal = true;
  if (fields.bool('attachable')) spec.Attachable = true;
  const ipam = fields.object('ipam');
  if (ipam) {
    const driver = ipam.string('driver');
    const configs = ipam.list('config').map(({ value, path }) => {
      const pool = Fields.of(ctx, path, value);
      const subnet = pool.string('subnet');
      if (subnet !== undefined && !isCidr(subnet)) ctx.problem(pool.at('subnet'), `${subnet} is not a subnet in CIDR notation (10.0.9.0/24)`);
      pool.finish('swarm takes only the subnet of an IPAM pool; ignored');
      return subnet;
    });
    ipam.finish();
    if (driver || configs.length > 0) {
      spec.IPAM = { ...(driver ? { Driver: driver } : {}), ...(configs.length ? { Config: configs.map((subnet) => ({ Subnet: subnet ?? '' })) } : {}) };
    }
  }
  return spec;
}
