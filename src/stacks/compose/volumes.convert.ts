import { Fields, type ConvertContext } from './compose.fields';
import type { StackVolume } from './mounts.convert';
import type { PlannedVolume } from './stack-plan.types';
import { externalOf } from './networks.convert';

/** Top-level `volumes:` (LoadVolumes): an external volume takes no driver, options or labels. */
export function readVolumes(ctx: ConvertContext, top: Fields): Map<string, StackVolume> {
  const section = top.object('volumes');
  const volumes = new Map<string, StackVolume>();
  for (const key of Object.keys(section?.value ?? {}).sort()) {
    if (key.startsWith('x-')) continue;
    const fields = Fields.of(ctx, section!.at(key), section!.raw(key));
    const { external, name } = externalOf(fields, key, 'volume');
    const volume: StackVolume = { name: name ?? ctx.scope(key), external };
    volume.driver = fields.string('driver');
    volume.driverOpts = fields.labels('driver_opts');
    volume.labels = fields.labels('labels');
    if (external) {
      for (const conflicting of ['driver', 'driver_opts', 'labels']) {
        if (fields.has(conflicting)) ctx.problem(fields.at(conflicting), `conflicting parameters "external" and "${conflicting}" specified for volume "${key}"`);
      }
    }
    fields.finish();
    volumes.set(key, volume);
  }
  section?.finish();
  return volumes;
}

export function plannedVolumes(volumes: ReadonlyMap<string, StackVolume>): PlannedVolume[] {
  return [...volumes.values()].map(({ name, external }) => ({ name, external }));
}
