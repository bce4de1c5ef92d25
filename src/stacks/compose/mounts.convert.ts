import { Fields, type ConvertContext } from './compose.fields';
import type { KeyPath } from './compose.yaml';
import type { Labels, Mount } from './stack-plan.types';

/** A top-level `volumes:` entry as the mounts need it. */
export interface StackVolume {
  name: string;
  external: boolean;
  labels?: Labels;
  driver?: string;
  driverOpts?: Labels;
}

const PROPAGATIONS = ['rprivate', 'private', 'rshared', 'shared', 'rslave', 'slave'];
const TYPES = ['volume', 'bind', 'tmpfs', 'npipe', 'cluster', 'image'] as const;

/** A service's `volumes:` → ContainerSpec.Mounts, in the file's order (convert/volume.go). */
export function convertMounts(ctx: ConvertContext, items: { value: unknown; path: KeyPath }[], volumes: ReadonlyMap<string, StackVolume>): Mount[] {
  const mounts: Mount[] = [];
  for (const { value, path } of items) {
    const spec = typeof value === 'string' ? parseShort(ctx, value, path) : readLong(Fields.of(ctx, path, value));
    if (!spec) continue;
    const mount = toMount(ctx, spec, path, volumes);
    if (mount) mounts.push(mount);
  }
  return mounts;
}

interface VolumeSpec {
  type: string;
  source: string;
  target: string;
  readOnly?: boolean;
  consistency?: string;
  bind?: { propagation?: string };
  volume?: { nocopy?: boolean; subpath?: string };
  tmpfs?: { size?: number; mode?: number };
  image?: { subpath?: string };
}

/** volumespec.Parse: `[source:]target[:options]`; a source that looks like a path is a bind mount. */
function parseShort(ctx: ConvertContext, text: string, path: KeyPath): VolumeSpec | undefined {
  if (text.length === 0) return ctx.problem(path, 'invalid empty volume spec');
  const parts = text.split(':');
  // A Windows drive letter (C:\...) is part of its path, not a separator.
  const fields: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (/^[a-zA-Z]$/.test(part) && i + 1 < parts.length && /^[\\/]/.test(parts[i + 1]!)) fields.push(`${part}:${parts[++i]}`);
    else fields.push(part);
  }
  if (fields.some((f) => f === '')) return ctx.problem(path, `invalid spec: ${text}: empty section between colons`);
  if (fields.length > 3) return ctx.problem(path, `invalid spec: ${text}: too many colons`);
  const spec: VolumeSpec = fields.length === 1 ? { type: 'volume', source: '', target: fields[0]! } : { type: 'volume', source: fields[0]!, target: fields[1]! };
  for (const option of (fields[2] ?? '').split(',').filter(Boolean)) {
    if (option === 'ro') spec.readOnly = true;
    else if (option === 'rw') spec.readOnly = false;
    else if (option === 'nocopy') spec.volume = { nocopy: true };
    else if (PROPAGATIONS.includes(option)) spec.bind = { propagation: option };
    else ctx.warn(path, `the volume option ${option} is unknown to swarm; ignored`);
  }
  if (spec.source && /^[./~]|^\\\\|^[a-zA-Z]:/.test(spec.source)) spec.type = 'bind';
  return spec;
}

function readLong(fields: Fields): VolumeSpec | undefined {
  const type = fields.string('type') ?? 'volume';
  const spec: VolumeSpec = { type, source: fields.string('source') ?? '', target: fields.string('target') ?? '' };
  spec.readOnly = fields.bool('read_only');
  spec.consistency = fields.string('consistency');
  const bind = fields.object('bind');
  if (bind) {
    spec.bind = { propagation: bind.string('propagation') };
    bind.finish();
  }
  const volume = fields.object('volume');
  if (volume) {
    spec.volume = { nocopy: volume.bool('nocopy'), subpath: volume.string('subpath') };
    volume.finish();
  }
  const tmpfs = fields.object('tmpfs');
  if (tmpfs) {
    spec.tmpfs = { size: tmpfs.bytes('size'), mode: tmpfs.int('mode') };
    tmpfs.finish();
  }
  const image = fields.object('image');
  if (image) {
    spec.image = { subpath: image.string('subpath') };
    image.finish();
  }
  fields.finish();
  return spec;
}

function toMount(ctx: ConvertContext, spec: VolumeSpec, path: KeyPath, volumes: ReadonlyMap<string, StackVolume>): Mount | undefined {
  if (!(TYPES as readonly string[]).includes(spec.type)) return ctx.problem(path, 'volume type must be volume, bind, tmpfs, npipe, cluster or image');
  const others = (['bind', 'volume', 'tmpfs', 'image'] as const).filter((kind) => spec[kind] !== undefined && kind !== spec.type && !(spec.type === 'npipe' && kind === 'bind'));
  if (others.length > 0) return ctx.problem(path, `${others[0]} options are incompatible with type ${spec.type}`);
  const mount: Mount = {
    Type: spec.type as Mount['Type'],
    ...(spec.source ? { Source: spec.source } : {}),
    ...(spec.target ? { Target: spec.target } : {}),
    ...(spec.readOnly ? { ReadOnly: true } : {}),
    ...(spec.consistency ? { Consistency: spec.consistency } : {}),
  };
  if (!spec.target) return ctx.problem(path, 'a mount needs a target path in the container');
  switch (spec.type) {
    case 'volume':
      return namedVolume(ctx, mount, spec, path, volumes);
    case 'bind':
    case 'npipe':
      if (!spec.source) return ctx.problem(path, `invalid ${spec.type} source, source cannot be empty`);
      // The CLI makes a relative path absolute against its own working directory: a server has none to offer.
      if (spec.type === 'bind' && !spec.source.startsWith('/') && !/^[a-zA-Z]:[\\/]|^\\\\/.test(spec.source)) {
        return ctx.problem(path, `the bind source ${spec.source} must be an absolute path on the nodes`);
      }
      if (spec.bind?.propagation) {
        if (!PROPAGATIONS.includes(spec.bind.propagation)) return ctx.problem(path, `bind propagation must be one of ${PROPAGATIONS.join(', ')}`);
        mount.BindOptions = { Propagation: spec.bind.propagation };
      }
      return mount;
    case 'tmpfs':
      if (spec.source) return ctx.problem(path, 'invalid tmpfs source, source must be empty');
      if (spec.tmpfs && (spec.tmpfs.size || spec.tmpfs.mode)) {
        mount.TmpfsOptions = { ...(spec.tmpfs.size ? { SizeBytes: spec.tmpfs.size } : {}), ...(spec.tmpfs.mode ? { Mode: spec.tmpfs.mode } : {}) };
      } else if (spec.tmpfs) mount.TmpfsOptions = {};
      return mount;
    case 'image':
      if (!spec.source) return ctx.problem(path, 'invalid image source, source cannot be empty');
      if (spec.image) mount.ImageOptions = spec.image.subpath ? { Subpath: spec.image.subpath } : {};
      return mount;
    case 'cluster': {
      if (!spec.source) return ctx.problem(path, 'invalid cluster source, source cannot be empty');
      mount.ClusterOptions = {};
      if (!spec.source.startsWith('group:')) {
        const volume = volumes.get(spec.source);
        if (!volume) return ctx.problem(path, `undefined volume "${spec.source}"`);
        mount.Source = volume.name;
      }
      return mount;
    }
  }
  return undefined;
}

/** A named volume becomes `<stack>_<name>` (or its `name:`), labelled with the stack unless external. */
function namedVolume(ctx: ConvertContext, mount: Mount, spec: VolumeSpec, path: KeyPath, volumes: ReadonlyMap<string, StackVolume>): Mount | undefined {
  if (!spec.source) return mount; // anonymous volume
  const volume = volumes.get(spec.source);
  if (!volume) return ctx.problem(path, `undefined volume "${spec.source}": declare it under the top-level volumes:`);
  mount.Source = volume.name;
  const options: NonNullable<Mount['VolumeOptions']> = {};
  if (spec.volume?.nocopy) options.NoCopy = true;
  if (spec.volume?.subpath) options.Subpath = spec.volume.subpath;
  if (!volume.external) {
    options.Labels = { ...volume.labels, 'com.docker.stack.namespace': ctx.stack };
    if (volume.driver || volume.driverOpts) {
      options.DriverConfig = { ...(volume.driver ? { Name: volume.driver } : {}), ...(volume.driverOpts && Object.keys(volume.driverOpts).length ? { Options: volume.driverOpts } : {}) };
    }
  }
  mount.VolumeOptions = options;
  return mount;
}
