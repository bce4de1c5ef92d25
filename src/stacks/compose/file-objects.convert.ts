import { Fields, type ConvertContext } from './compose.fields';
import { NAMESPACE_LABEL, externalOf } from './networks.convert';
import type { PlannedConfig, PlannedSecret } from './stack-plan.types';

export type FileObjectKind = 'secret' | 'config';

/** A top-level secret or config by its compose key: the name services reference it by on the swarm. */
export interface StackFileObject {
  name: string;
  external: boolean;
}

/**
 * Top-level `secrets:` / `configs:` (convert.Secrets / Configs). The CLI reads `file:` from the client's disk; a server
 * must not read its own, so the content comes inline (`content:`, configs only, as compose-spec has it), from a deploy
 * variable (`environment:`), from a secret driver, or the object is external. Sorted by name.
 */
export function readFileObjects(ctx: ConvertContext, top: Fields, kind: FileObjectKind): { objects: Map<string, StackFileObject>; planned: (PlannedSecret | PlannedConfig)[] } {
  const section = top.object(`${kind}s`);
  const objects = new Map<string, StackFileObject>();
  const planned: (PlannedSecret | PlannedConfig)[] = [];
  for (const key of Object.keys(section?.value ?? {}).sort()) {
    if (key.startsWith('x-')) continue;
    const fields = Fields.of(ctx, section!.at(key), section!.raw(key));
    const { external, name: given } = externalOf(fields, key, kind);
    const name = given ?? ctx.scope(key);
    objects.set(key, { name, external });
    if (external) {
      planned.push({ name, external: true, labels: {} });
      fields.finish(`an external ${kind} is used as it is; ignored`);
      continue;
    }
    const labels = { ...fields.labels('labels'), [NAMESPACE_LABEL]: ctx.stack };
    const driver = kind === 'secret' ? fields.string('driver') : undefined;
    const driverOpts = kind === 'secret' ? fields.labels('driver_opts') : undefined;
    const templating = fields.string('template_driver');
    if (driver && fields.has('file')) ctx.problem(fields.at('file'), `${kind}.driver and ${kind}.file conflict; only use ${kind}.driver`);
    const data = driver ? undefined : content(fields, kind);
    const spec = {
      Name: name,
      Labels: labels,
      ...(data && data.length > 0 ? { Data: data.toString('base64') } : {}),
      ...(driver ? { Driver: { Name: driver, ...(driverOpts && Object.keys(driverOpts).length ? { Options: driverOpts } : {}) } } : {}),
      ...(templating ? { Templating: { Name: templating } } : {}),
    };
    fields.finish();
    planned.push({ name, external: false, labels, ...(data ? { data } : {}), spec });
  }
  section?.finish();
  planned.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { objects, planned };
}

function content(fields: Fields, kind: FileObjectKind): Buffer | undefined {
  const ctx = fields.ctx;
  const file = fields.string('file');
  const inline = kind === 'config' ? fields.string('content') : undefined;
  const variable = fields.string('environment');
  const sources = [file, inline, variable].filter((source) => source !== undefined).length;
  if (file !== undefined) {
    const instead = kind === 'config' ? 'content: (inline), environment: (a deploy variable)' : 'environment: (a deploy variable)';
    ctx.problem(fields.at('file'), `a ${kind} cannot be read from a file on the server; use ${instead}, or external: true`);
    return undefined;
  }
  if (sources > 1) return ctx.problem(fields.path, `a ${kind} takes one source: content: or environment:`);
  if (inline !== undefined) return Buffer.from(inline, 'utf8');
  if (variable !== undefined) {
    if (!Object.prototype.hasOwnProperty.call(ctx.variables, variable)) {
      return ctx.problem(fields.at('environment'), `variable ${variable} is not given: pass it in the deploy's variables`);
    }
    return Buffer.from(ctx.variables[variable]!, 'utf8');
  }
  const what = kind === 'config' ? 'content:, environment:' : 'environment:, driver:';
  return ctx.problem(fields.path, `a ${kind} needs ${what} or external: true`);
}
