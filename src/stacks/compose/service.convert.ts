import { Fields, type ConvertContext } from './compose.fields';
import { FORBIDDEN, IGNORED } from './compose.properties';
import { capabilities, dnsConfig, environment, extraHosts, healthcheck, logDriver, shellCommand, ulimits } from './container.convert';
import { convertDeploy } from './deploy.convert';
import type { StackFileObject } from './file-objects.convert';
import { convertMounts, type StackVolume } from './mounts.convert';
import { IMAGE_LABEL, NAMESPACE_LABEL, type StackNetwork } from './networks.convert';
import { convertPorts } from './ports.convert';
import { convertAttachments, convertConfigRefs, convertSecretRefs } from './service-refs.convert';
import type { ContainerSpec, PlannedService, ServiceSpec } from './stack-plan.types';

export interface StackObjects {
  networks: ReadonlyMap<string, StackNetwork>;
  volumes: ReadonlyMap<string, StackVolume>;
  secrets: ReadonlyMap<string, StackFileObject>;
  configs: ReadonlyMap<string, StackFileObject>;
}

/** distribution/reference's grammar (ParseAnyReference): `[host[:port]/]path[:tag][@digest]`, or an image ID. */
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const DOMAIN = '(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?';
const REFERENCE = new RegExp(`^(?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*(?::[\\w][\\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$`);
const isImageReference = (image: string) => /^(?:sha256:)?[a-f0-9]{64}$/.test(image) || (REFERENCE.test(image) && image.split(/[:@]/)[0]!.length <= 255);

/** One compose service → its ServiceSpec (convert.Service), references by name for the deployer to resolve. */
export function convertService(ctx: ConvertContext, shortName: string, fields: Fields, objects: StackObjects): { service: PlannedService; networks: string[] } {
  const image = fields.string('image');
  if (!image) ctx.problem(fields.at('image'), `invalid image reference for service ${shortName}: no image specified`);
  else if (!isImageReference(image)) ctx.problem(fields.at('image'), `invalid image reference for service ${shortName}: ${image}`);

  // Handled before (refused or warned about with their own words); restart still feeds the restart policy.
  fields.skip(...Object.keys(FORBIDDEN), ...Object.keys(IGNORED));
  const deploy = convertDeploy(fields.object('deploy'), fields.string('restart'), fields);
  const { attachments, used } = convertAttachments(ctx, fields, shortName, objects.networks);
  const secrets = convertSecretRefs(ctx, fields, objects.secrets);
  const configs = convertConfigRefs(ctx, fields, objects.configs);

  const container: ContainerSpec = {
    Image: image ?? '',
    Labels: { ...fields.labels('labels'), [NAMESPACE_LABEL]: ctx.stack },
    Privileges: { CredentialSpec: null, SELinuxContext: null, NoNewPrivileges: false },
  };
  const set = <K extends keyof ContainerSpec>(key: K, value: ContainerSpec[K] | undefined | '' | false) => {
    if (value !== undefined && value !== '' && value !== false && !(Array.isArray(value) && value.length === 0)) container[key] = value as ContainerSpec[K];
  };
  set('Command', shellCommand(fields, 'entrypoint'));
  set('Args', shellCommand(fields, 'command'));
  set('Hostname', fields.string('hostname'));
  set('Env', environment(fields));
  set('Dir', fields.string('working_dir'));
  set('User', fields.string('user'));
  const init = fields.bool('init');
  if (init !== undefined) container.Init = init;
  set('StopSignal', fields.string('stop_signal'));
  set('TTY', fields.bool('tty'));
  set('OpenStdin', fields.bool('stdin_open'));
  set('ReadOnly', fields.bool('read_only'));
  set('Mounts', convertMounts(ctx, fields.list('volumes'), objects.volumes));
  const grace = fields.duration('stop_grace_period');
  if (grace !== undefined) container.StopGracePeriod = grace;
  set('Healthcheck', healthcheck(fields.object('healthcheck')));
  set('Hosts', extraHosts(fields));
  set('DNSConfig', dnsConfig(fields));
  set('Secrets', secrets);
  set('Configs', configs);
  set('Isolation', fields.string('isolation'));
  const sysctls = fields.labels('sysctls');
  if (sysctls && Object.keys(sysctls).length) container.Sysctls = sysctls;
  Object.assign(container, capabilities(fields));
  set('Ulimits', ulimits(fields));
  const oomScoreAdj = fields.int('oom_score_adj', { min: -1000 });
  if (oomScoreAdj) container.OomScoreAdj = oomScoreAdj;

  const ports = convertPorts(ctx, fields.list('ports'));
  const logging = logDriver(fields);
  fields.finish();

  const spec: ServiceSpec = {
    Name: ctx.scope(shortName),
    Labels: { ...deploy.labels, [NAMESPACE_LABEL]: ctx.stack, [IMAGE_LABEL]: image ?? '' },
    TaskTemplate: {
      ContainerSpec: container,
      Resources: deploy.resources,
      ...(deploy.restartPolicy ? { RestartPolicy: deploy.restartPolicy } : {}),
      Placement: deploy.placement,
      ...(attachments.length ? { Networks: attachments } : {}),
      ...(logging ? { LogDriver: logging } : {}),
      ForceUpdate: 0,
    },
    Mode: deploy.mode,
    ...(deploy.updateConfig ? { UpdateConfig: deploy.updateConfig } : {}),
    ...(deploy.rollbackConfig ? { RollbackConfig: deploy.rollbackConfig } : {}),
    EndpointSpec: { ...(deploy.endpointMode ? { Mode: deploy.endpointMode } : {}), ...(ports.length ? { Ports: ports } : {}) },
  };
  const unique = (names: string[]) => [...new Set(names)].sort();
  return {
    service: { shortName, spec, secretRefs: unique(secrets.map((s) => s.SecretName)), configRefs: unique(configs.map((c) => c.ConfigName)) },
    networks: used,
  };
}
