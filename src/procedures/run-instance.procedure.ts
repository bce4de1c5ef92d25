import {
  ContainerInstanceChangedDocument,
  ContainerInstanceDocument,
  ContainerInstanceStatus as Status,
  RunContainerInstanceDocument,
  type ContainerInstanceDataFragment,
  type ContainerTemplateInput,
  type FleetClient,
} from '../client';
import type { Steps } from './steps';

export interface RunInstanceOptions {
  /** From a template, or from a direct spec (`spec`). */
  templateId?: string;
  spec?: ContainerTemplateInput;
  hostId?: string;
  env?: string[];
  timeoutMs: number;
}

const ORDER: Status[] = [Status.Pending, Status.Provisioning, Status.Running];
const rank = (status: Status) => (ORDER.includes(status) ? ORDER.indexOf(status) : ORDER.length);

/**
 * The runbook's "Container execution lifecycle": a ContainerInstance from a template or a direct spec → pending →
 * Vault token provisioned → provisioning → the container started on its host → running → output captured, Vault
 * token revoked → completed. Each step is read from the containerInstanceChanged subscription (opened before the run).
 */
export async function runInstance(client: FleetClient, steps: Steps, options: RunInstanceOptions): Promise<{ instanceId: string }> {
  if (!options.templateId === !options.spec) throw new Error('give a template id or a spec, not both');
  const changes = client.subscribe(ContainerInstanceChangedDocument, { filter: options.templateId ? { templateId: options.templateId } : {} });
  try {
    const started = await steps.step(`create a ContainerInstance from ${options.templateId ? `template ${options.templateId}` : `the spec ${options.spec!.name} (${options.spec!.container.image})`}`, async () => {
      const { runContainerInstance: run } = await client.request(RunContainerInstanceDocument, { input: { templateId: options.templateId, spec: options.spec, hostId: options.hostId, env: options.env } });
      steps.note(`instance ${run.id} on host ${run.hostId ?? '(not placed)'}${run.placementReason ? ` (${run.placementReason})` : ''}`);
      steps.check('status is PENDING', run.status === Status.Pending, run.status);
      return run;
    });
    const id = started.id;
    // The first change of this run at or past `status` (a fast step may be overtaken by the next one's message).
    const reach = (status: Status, what: string) =>
      changes.waitFor(({ containerInstanceChanged: i }) => i.id === id && rank(i.status) >= rank(status), { timeoutMs: options.timeoutMs, what }).then((m) => m.containerInstanceChanged);
    const seen = (status: Status) => changes.received.some(({ containerInstanceChanged: i }) => i.id === id && i.status === status);
    const describe = (i: ContainerInstanceDataFragment) => `${i.status}${i.reason ? ` (${i.reason})` : ''}${i.errorCode ? `, ${i.errorCode}` : ''}`;

    await steps.step('the Vault token is provisioned: PROVISIONING', async () => {
      const next = await reach(Status.Provisioning, 'PROVISIONING');
      steps.check('PROVISIONING', seen(Status.Provisioning), `reached ${describe(next)}`);
    });
    const running = await steps.step('the container is started on its host: RUNNING', async () => {
      const next = await reach(Status.Running, 'RUNNING');
      const live = changes.received.map((m) => m.containerInstanceChanged).find((i) => i.id === id && i.status === Status.Running);
      steps.check('RUNNING with its container id', live !== undefined && live.containerId !== null, live ? `container ${live.containerId} on host ${live.hostId}` : `reached ${describe(next)}`);
      return live!;
    });
    await steps.step('on completion the output is captured and the Vault token revoked: COMPLETED', async () => {
      const ended = await changes.waitFor(({ containerInstanceChanged: i }) => i.id === id && rank(i.status) > rank(Status.Running), { timeoutMs: options.timeoutMs, what: 'the run to end' });
      const { containerInstance: done } = await client.request(ContainerInstanceDocument, { id });
      steps.check('COMPLETED', done.status === Status.Completed, `${describe(ended.containerInstanceChanged)}, exit code ${done.exitCode}`);
      steps.check('in order', done.transitions.map((t) => t.status).join(' → ') === [...ORDER, Status.Completed].join(' → '), done.transitions.map((t) => t.status).join(' → '));
      steps.check('output captured', (done.stdout ?? '') + (done.stderr ?? '') !== '', `stdout ${JSON.stringify(done.stdout)}, stderr ${JSON.stringify(done.stderr)}${done.outputTruncated ? ' (truncated)' : ''}`);
      steps.check('the container was the one that ran', done.containerId === running.containerId, `container ${done.containerId}`);
      // A run given no Vault policy has no token to revoke.
      const hadToken = (options.spec?.vaultPolicies?.length ?? 0) > 0 || done.vaultRevokedAt !== null;
      if (hadToken) steps.check('Vault token revoked', done.vaultRevokedAt !== null, `at ${done.vaultRevokedAt}`);
      else steps.note('no Vault policy: no token was issued');
      if (done.usage) steps.note(`usage: ${done.usage.samples} samples, peak ${done.usage.peakMemoryUsedMb} MB, ${done.usage.peakCpuUsedMillicores} millicores`);
    });
    return { instanceId: id };
  } finally {
    changes.close();
  }
}
