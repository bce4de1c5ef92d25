import { InputError } from '../../common/errors';
import { ComposeError, type ComposeProblem } from './compose.errors';
import { ConvertContext, Fields } from './compose.fields';
import { interpolate } from './compose.interpolation';
import { forbiddenKeys, ignoredKeys } from './compose.properties';
import { validateAgainstSchema } from './compose.schema';
import { parseComposeYaml } from './compose.yaml';
import { readFileObjects } from './file-objects.convert';
import { isUserDefined, readNetworks } from './networks.convert';
import { convertService } from './service.convert';
import type { ComposeWarning, ParsedStack, PlannedConfig, PlannedNetwork, PlannedSecret, PlannedService } from './stack-plan.types';
import { plannedVolumes, readVolumes } from './volumes.convert';

export interface StackSource {
  /** The stack's name: the namespace of every object (`<name>_web`) and the value of com.docker.stack.namespace. */
  name: string;
  /** The compose file's text. */
  compose: string;
  /** The only values `${VAR}` can take: the server's own environment is never read. */
  variables?: Readonly<Record<string, string>>;
}

/** A service name swarmkit accepts (validateAnnotations): letters and digits, inner - and _, up to 63 characters. */
const OBJECT_NAME = /^[a-zA-Z0-9](?:[-_]*[a-zA-Z0-9]+)*$/;
const MAX_COMPOSE_BYTES = 1024 * 1024;

/**
 * Turns a compose file into what `docker stack deploy` would send to the Engine (cli/compose/loader, convert): parse,
 * refuse forbidden keys, interpolate, validate against the compose-spec schema, convert. Pure: no Docker, no database,
 * no files, no environment. Throws InputError (the name) or ComposeError (every problem of the file, with lines).
 */
export function parseStack(source: StackSource): ParsedStack {
  const { name, compose } = source;
  const variables = source.variables ?? {};
  if (!OBJECT_NAME.test(name) || name.length > 40) throw new InputError('name', 'must be letters, digits and inner - or _ (up to 40 characters), as service names are <stack>_<service>');
  if (typeof compose !== 'string') throw new InputError('compose', 'must be the text of a compose file');
  for (const [key, value] of Object.entries(variables)) {
    if (typeof value !== 'string') throw new InputError(`variables.${key}`, 'must be a string');
  }
  if (Buffer.byteLength(compose, 'utf8') > MAX_COMPOSE_BYTES) throw new InputError('compose', `must be at most ${MAX_COMPOSE_BYTES} bytes`);

  const { data: written, lines } = parseComposeYaml(compose);
  const problems: ComposeProblem[] = forbiddenKeys(written, lines);
  const warnings: ComposeWarning[] = ignoredKeys(written, lines);
  const interpolated = interpolate(written, variables, lines);
  problems.push(...interpolated.problems);
  warnings.push(...interpolated.warnings);
  if (interpolated.problems.length === 0) problems.push(...validateAgainstSchema(interpolated.data, lines));
  if (problems.length > 0) throw new ComposeError(problems);

  const ctx = new ConvertContext(name, lines, variables);
  const plan = convert(ctx, Fields.of(ctx, [], interpolated.data));
  if (ctx.problems.length > 0) throw new ComposeError(ctx.problems);
  return { plan, warnings: ordered([...warnings, ...ctx.warnings]) };
}

function convert(ctx: ConvertContext, top: Fields): ParsedStack['plan'] {
  if (top.has('version')) ctx.warn(top.at('version'), 'version is obsolete; ignored');
  if (top.has('name')) ctx.warn(top.at('name'), "the stack's name is the one given to the deploy; ignored");
  if (top.has('include')) ctx.problem(top.at('include'), 'included files are not read from the server: put everything in one compose file');
  top.skip('version', 'name', 'include');

  const networks = readNetworks(ctx, top);
  const volumes = readVolumes(ctx, top);
  const secrets = readFileObjects(ctx, top, 'secret');
  const configs = readFileObjects(ctx, top, 'config');

  const servicesSection = top.object('services');
  const services: PlannedService[] = [];
  const usedNetworks = new Set<string>();
  for (const key of Object.keys(servicesSection?.value ?? {}).sort()) {
    const path = servicesSection!.at(key);
    const value = servicesSection!.raw(key);
    if (!OBJECT_NAME.test(key) || ctx.scope(key).length > 63) {
      ctx.problem(path, `service names take letters, digits and inner - or _, and ${ctx.stack}_${key} must be at most 63 characters`);
      continue;
    }
    const { service, networks: used } = convertService(ctx, key, Fields.of(ctx, path, value), { networks, volumes, secrets: secrets.objects, configs: configs.objects });
    services.push(service);
    for (const network of used) usedNetworks.add(network);
  }
  if (services.length === 0) ctx.problem(top.at('services'), 'a stack needs at least one service');
  top.finish();

  // Only networks some service uses are created (getServicesDeclaredNetworks); Docker's own (host, bridge) need no check.
  const planned: PlannedNetwork[] = [...usedNetworks]
    .map((key) => networks.get(key)!.plan!)
    .filter((network) => !network.external || isUserDefined(network.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    namespace: ctx.stack,
    networks: planned,
    secrets: secrets.planned as PlannedSecret[],
    configs: configs.planned as PlannedConfig[],
    volumes: plannedVolumes(volumes),
    services,
  };
}

/** Warnings by line, then path: the order a reader goes through the file. */
function ordered(warnings: ComposeWarning[]): ComposeWarning[] {
  return warnings
    .map((warning, index) => ({ warning, index }))
    .sort((a, b) => (a.warning.line ?? Infinity) - (b.warning.line ?? Infinity) || a.index - b.index)
    .map(({ warning }) => warning);
}
