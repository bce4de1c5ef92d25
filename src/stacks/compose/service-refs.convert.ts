import { Fields, type ConvertContext } from './compose.fields';
import type { StackFileObject } from './file-objects.convert';
import type { KeyPath } from './compose.yaml';
import { isUserDefined, type StackNetwork } from './networks.convert';
import type { ConfigReference, NetworkAttachment, SecretReference } from './stack-plan.types';

/**
 * A service's `networks:` (list or mapping) → TaskTemplate.Networks (convertServiceNetworks): `default` when none, the
 * service's short name added as an alias on user-defined networks, sorted by target.
 */
export function convertAttachments(ctx: ConvertContext, service: Fields, shortName: string, networks: ReadonlyMap<string, StackNetwork>): { attachments: NetworkAttachment[]; used: string[] } {
  const raw = service.raw('networks');
  const entries: [string, unknown, KeyPath][] = Array.isArray(raw)
    ? raw.map((name, index) => [String(name), null, [...service.at('networks'), index]])
    : raw && typeof raw === 'object'
      ? Object.entries(raw).map(([name, value]) => [name, value, [...service.at('networks'), name]])
      : [];
  if (entries.length === 0) entries.push(['default', null, service.at('networks')]);
  const attachments: NetworkAttachment[] = [];
  const used: string[] = [];
  for (const [key, value, path] of entries) {
    const network = networks.get(key);
    if (!network || (!network.declared && key !== 'default')) {
      ctx.problem(path, `undefined network "${key}": declare it under the top-level networks:`);
      continue;
    }
    used.push(key);
    const fields = Fields.of(ctx, path, value);
    const aliases = fields.strings('aliases') ?? [];
    const driverOpts = fields.labels('driver_opts');
    for (const fixed of ['ipv4_address', 'ipv6_address']) {
      if (fields.has(fixed)) ctx.warn(fields.at(fixed), 'swarm gives tasks their addresses itself; ignored');
    }
    fields.skip('ipv4_address', 'ipv6_address');
    fields.finish();
    if (isUserDefined(network.name)) aliases.push(shortName);
    attachments.push({ Target: network.name, ...(aliases.length ? { Aliases: aliases } : {}), ...(driverOpts && Object.keys(driverOpts).length ? { DriverOpts: driverOpts } : {}) });
  }
  attachments.sort((a, b) => (a.Target < b.Target ? -1 : a.Target > b.Target ? 1 : 0));
  return { attachments, used };
}

interface FileRef {
  name: string;
  file: { Name: string; UID: string; GID: string; Mode: number };
}

/**
 * A service's `secrets:` or `configs:` (short `- name` or long `{ source, target, uid, gid, mode }`) → references by
 * name (convertFileObject): target defaults to the source key, uid/gid to "0", mode to 0444. Sorted by name then
 * target, so an unchanged file gives an unchanged spec; two references to one target are refused, as the CLI does.
 */
function fileRefs(ctx: ConvertContext, service: Fields, kind: 'secret' | 'config', objects: ReadonlyMap<string, StackFileObject>): FileRef[] {
  const refs: FileRef[] = [];
  const targets = new Set<string>();
  for (const { value, path } of service.list(`${kind}s`)) {
    const fields = typeof value === 'string' ? undefined : Fields.of(ctx, path, value);
    const source = typeof value === 'string' ? value : fields!.string('source');
    if (!source) {
      ctx.problem(path, `a ${kind} reference needs its source`);
      continue;
    }
    const target = fields?.string('target') || source;
    const uid = fields?.string('uid') || '0';
    const gid = fields?.string('gid') || '0';
    const mode = fileMode(ctx, fields, path);
    fields?.finish();
    const object = objects.get(source);
    if (!object) {
      ctx.problem(path, `undefined ${kind} "${source}": declare it under the top-level ${kind}s:`);
      continue;
    }
    if (targets.has(target)) {
      ctx.problem(path, `duplicate ${kind} target for ${object.name} not allowed`);
      continue;
    }
    targets.add(target);
    refs.push({ name: object.name, file: { Name: target, UID: uid, GID: gid, Mode: mode } });
  }
  return refs.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.file.Name < b.file.Name ? -1 : a.file.Name > b.file.Name ? 1 : 0));
}

/** A number as YAML gave it (`0440` is octal, as yaml.v3 reads it), or a string of octal digits (`"0440"`). */
function fileMode(ctx: ConvertContext, fields: Fields | undefined, path: KeyPath): number {
  const raw = fields?.raw('mode');
  if (raw === undefined) return 0o444;
  if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 0 && raw <= 0o7777) return raw;
  if (typeof raw === 'string' && /^[0-7]{1,5}$/.test(raw)) return parseInt(raw, 8);
  ctx.problem([...path, 'mode'], 'must be a file mode such as 0440');
  return 0o444;
}

export function convertSecretRefs(ctx: ConvertContext, service: Fields, secrets: ReadonlyMap<string, StackFileObject>): SecretReference[] {
  return fileRefs(ctx, service, 'secret', secrets).map((ref) => ({ File: ref.file, SecretID: '', SecretName: ref.name }));
}

export function convertConfigRefs(ctx: ConvertContext, service: Fields, configs: ReadonlyMap<string, StackFileObject>): ConfigReference[] {
  return fileRefs(ctx, service, 'config', configs).map((ref) => ({ File: ref.file, ConfigID: '', ConfigName: ref.name }));
}
