import { InputError } from '../common/errors';
import type { EngineSpec } from '../docker/swarm.types';

/**
 * Secrets and configs are one thing to this module, told apart by a kind: the Engine paths and field names that
 * differ (ContainerSpec.Secrets[].SecretID vs ContainerSpec.Configs[].ConfigID) live here.
 */
export interface DataKind {
  /** The sync kind ('secret' | 'config'), which is also the word in messages. */
  name: 'secret' | 'config';
  /** The read side's kind (SwarmQueries). */
  queryKind: 'secrets' | 'configs';
  /** GraphQL type name (NotFoundError). */
  typeName: 'SwarmSecret' | 'SwarmConfig';
  /** ContainerSpec's list of references, and the id/name fields of one reference. */
  listKey: 'Secrets' | 'Configs';
  idKey: 'SecretID' | 'ConfigID';
  nameKey: 'SecretName' | 'ConfigName';
}

export const SECRET_KIND: DataKind = { name: 'secret', queryKind: 'secrets', typeName: 'SwarmSecret', listKey: 'Secrets', idKey: 'SecretID', nameKey: 'SecretName' };
export const CONFIG_KIND: DataKind = { name: 'config', queryKind: 'configs', typeName: 'SwarmConfig', listKey: 'Configs', idKey: 'ConfigID', nameKey: 'ConfigName' };

/** swarmkit's controlapi rule for secret and config names (validateConfigOrSecretAnnotations): 64 chars at most. */
const NAME = /^[a-zA-Z0-9]+(?:[a-zA-Z0-9-_.]*[a-zA-Z0-9])?$/;
export const MAX_NAME_LENGTH = 64;
/**
 * swarmkit's bound: data "must be larger than 0 and less than 512000 bytes" (MaxSecretSize, 500 KiB, exclusive, as
 * measured on 20.10); configs are held to the same bound here.
 */
export const MAX_DATA_BYTES = 500 * 1024 - 1;

/** Labels a rotation records on each version: the name versions are made from, and this one's number. */
export const ROTATION_BASE_LABEL = 'fleet.rotation.base';
export const ROTATION_VERSION_LABEL = 'fleet.rotation.version';

export function validateName(name: string, field = 'name'): string {
  const trimmed = name.trim();
  if (!trimmed) throw new InputError(field, 'must not be empty');
  if (trimmed.length > MAX_NAME_LENGTH) throw new InputError(field, `must be at most ${MAX_NAME_LENGTH} characters (Docker's limit), got ${trimmed.length}`);
  if (!NAME.test(trimmed)) throw new InputError(field, 'may hold only letters, digits, "-", "_" and ".", and must start and end with a letter or digit (Docker\'s rule)');
  return trimmed;
}

/** The bytes to store, from text (`data`) or base64 (`dataBase64`, for binary content): exactly one, 1 byte to 500 KiB. */
export function dataBytes(input: { data?: string | null; dataBase64?: string | null }): Buffer {
  const text = input.data ?? null;
  const b64 = input.dataBase64 ?? null;
  if ((text === null) === (b64 === null)) throw new InputError('data', 'or dataBase64: give exactly one');
  const field = text !== null ? 'data' : 'dataBase64';
  let bytes: Buffer;
  if (text !== null) bytes = Buffer.from(text, 'utf8');
  else {
    const clean = b64!.replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(clean) || clean.length % 4 === 1) throw new InputError(field, 'is not base64');
    bytes = Buffer.from(clean, 'base64');
  }
  if (bytes.length === 0) throw new InputError(field, 'must not be empty');
  if (bytes.length > MAX_DATA_BYTES) throw new InputError(field, `is ${bytes.length} bytes: Docker takes less than ${MAX_DATA_BYTES + 1} (500 KiB)`);
  return bytes;
}

export function validateLabels(labels: Record<string, unknown> | null | undefined, field = 'labels'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(labels ?? {})) {
    if (!key.trim()) throw new InputError(field, 'keys must not be empty');
    if (typeof value !== 'string') throw new InputError(`${field}.${key}`, 'must be a string');
    out[key] = value;
  }
  return out;
}

/**
 * The next version of a secret: `<base>.v<n+1>`, where base and n come from the rotation labels, else from a name that
 * already ends in `.v<n>`, else the name itself at version 1 (`db_password` -> `db_password.v2`). A name taken on the
 * swarm already is skipped (`.v3`...). A long base is cut so the name stays within Docker's 64 characters.
 */
export function nextVersion(current: { name: string; labels: Record<string, string> }, taken: ReadonlySet<string>): { name: string; base: string; version: number } {
  const labelled = current.labels[ROTATION_BASE_LABEL];
  const labelledVersion = Number(current.labels[ROTATION_VERSION_LABEL]);
  const suffixed = /^(.+)\.v(\d+)$/.exec(current.name);
  let base = current.name;
  let version = 1;
  if (labelled && Number.isInteger(labelledVersion) && labelledVersion >= 1) [base, version] = [labelled, labelledVersion];
  else if (suffixed) [base, version] = [suffixed[1]!, Number(suffixed[2])];
  for (let next = version + 1; ; next++) {
    const suffix = `.v${next}`;
    const stem = base.slice(0, MAX_NAME_LENGTH - suffix.length).replace(/[^a-zA-Z0-9]+$/, '');
    const name = `${stem}${suffix}`;
    if (!taken.has(name)) return { name, base, version: next };
  }
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function references(spec: EngineSpec, kind: DataKind): Json[] {
  const list = (spec as Json)?.TaskTemplate?.ContainerSpec?.[kind.listKey];
  return Array.isArray(list) ? (list as Json[]) : [];
}

/** Whether a service spec (ContainerSpec.Secrets / Configs) references the object with this Docker id. */
export function referencesObject(spec: EngineSpec | null | undefined, kind: DataKind, dockerId: string): boolean {
  return spec ? references(spec, kind).some((ref) => ref?.[kind.idKey] === dockerId) : false;
}

/** The Docker ids a service spec references, of one kind. */
export function referencedIds(spec: EngineSpec | null | undefined, kind: DataKind): string[] {
  return spec ? references(spec, kind).map((ref) => String(ref?.[kind.idKey] ?? '')).filter(Boolean) : [];
}

/**
 * A service spec with every reference to `from` pointing at `to` instead: only SecretID/SecretName (ConfigID/
 * ConfigName) change, so the File target (name, uid, gid, mode) or Runtime target stays — the file inside the task
 * keeps its path. Answers a new spec; the one given is not changed.
 */
export function repoint(spec: EngineSpec, kind: DataKind, from: string, to: { id: string; name: string }): EngineSpec {
  const next = structuredClone(spec) as Json;
  for (const ref of references(next, kind)) {
    if (ref?.[kind.idKey] !== from) continue;
    ref[kind.idKey] = to.id;
    ref[kind.nameKey] = to.name;
  }
  return next;
}

/** The services a manager named when it refused to remove an object in use (swarmkit: "... is in use by the following service(s): a, b"). */
export function inUseServices(message: string): string[] | null {
  const match = /is in use by the following services?: (.+)$/.exec(message);
  return match ? match[1]!.split(',').map((s) => s.trim()).filter(Boolean) : null;
}
