import { DomainError, ErrorCode } from '../common/errors';
import type { DockerContainers } from '../docker/docker.containers';
import type { DockerRuns, RunState } from '../docker/docker.runs';
import type { HostTarget } from '../docker/docker.types';
import type { Logger } from '../log/logger';
import type { VaultTokens } from '../vault/vault.client';
import { InstanceStatus, ViolationKind, type ContainerInstance, type SecurityViolation } from './instance.entity';
import { redactOutput, secretValues } from './instance.output';
import type { InstanceRepository } from './instance.repository';
import { pause, type Run, type RunSteps } from './instance.runner';
import { UsageMeter } from './instance.usage';
import { unexpectedExecs, type UsageFlusher } from './instance.metering';

export interface WatchDeps {
  repository: Pick<InstanceRepository, 'write' | 'execEventsOf' | 'sawOom'>;
  metering: Pick<UsageFlusher, 'track'>;
  containers: Pick<DockerContainers, 'stop' | 'logs' | 'followStats'>;
  runs: Pick<DockerRuns, 'wait' | 'state'>;
  vault: Pick<VaultTokens, 'readAs'> | null;
  environment(instance: ContainerInstance): string[];
  logger: Logger;
  owner: string;
  /** `oomWaitMs`: how long an unexplained exit 137 waits for the Engine to tell an OOM kill (default OOM_WAIT_MS). */
  settings: { outputMaxBytes: number; oomWaitMs?: number };
  step: RunSteps;
}

/** How long past its deadline (+ grace) a run's host may stay silent before the run is given up as FAILED. */
const LOST_AFTER_MS = 120_000;
const RETRY_MS = 2000;
/**
 * An exit 137 we did not cause waits this long at most for the Engine's OOM verdict (flag or stored `oom` event): under
 * load the event reached the store after the first second ask (a CI run judged an OOM kill a plain exit).
 */
const OOM_WAIT_MS = 5000;
const OOM_ASK_EVERY_MS = 200;

type Ending = { status: InstanceStatus; reason: string; violation?: SecurityViolation };

/**
 * RUNNING → its end: waits for the container to exit, stops it at its deadline (SIGTERM, SIGKILL after the grace)
 * or when cancelled, meters it from its stats stream meanwhile, looks for execs it did not start, and captures its
 * output (stdout and stderr apart, secrets redacted, capped).
 */
export class InstanceWatch {
  constructor(private readonly deps: WatchDeps) {}

  async watch(run: Run, target: HostTarget): Promise<void> {
    const { instance } = run;
    const containerId = instance.containerId!;
    const d = instance.definition;
    const meter = new UsageMeter(instance.usage);
    const violations = [...instance.violations];
    let ending: Ending | undefined;
    let stopping: Promise<void> | undefined;
    // Asked again while the container runs on (a failed SIGTERM call must not leave it running past its deadline).
    const stop = () => {
      stopping ??= this.deps.containers.stop(target, containerId, d.killGraceSeconds).catch((error: unknown) => this.deps.logger.warn({ instanceId: instance.id, err: error }, 'stopping a container instance failed; asked again')).finally(() => (stopping = undefined));
    };
    const stopFor = (why: Ending) => {
      if (ending) return;
      ending = why;
      stop();
    };
    const deadline = instance.deadlineAt ? instance.deadlineAt.getTime() : Date.now() + d.timeoutSeconds * 1000;
    const timer = setTimeout(
      () => stopFor({ status: InstanceStatus.TIMED_OUT, reason: `time limit of ${d.timeoutSeconds}s reached: SIGTERM, then SIGKILL after ${d.killGraceSeconds}s`, violation: { kind: ViolationKind.TIME_LIMIT_KILL, detectedAt: new Date(), detail: `stopped at its time limit of ${d.timeoutSeconds}s` } }),
      Math.max(0, deadline - Date.now()),
    );
    run.onCancel = () => stopFor({ status: InstanceStatus.CANCELLED, reason: `cancelled: SIGTERM, then SIGKILL after ${d.killGraceSeconds}s` });
    if (run.cancelRequested) run.onCancel();
    const stats = await this.deps.containers.followStats(target, containerId).catch(() => null);
    const sampling = stats ? (async () => { for await (const frame of stats) meter.add(frame); })().catch(() => undefined) : Promise.resolve();
    const untrack = this.deps.metering.track({ instance, meter, violations });
    let lost: DomainError | undefined;
    try {
      for (;;) {
        try {
          await untilAborted(this.deps.runs.wait(target, containerId, Math.max(0, deadline - Date.now()) + d.killGraceSeconds * 1000 + 60_000), run.abort.signal);
          break;
        } catch (error) {
          if (run.abort.signal.aborted) return;
          if (ending) stop();
          if (Date.now() > deadline + d.killGraceSeconds * 1000 + LOST_AFTER_MS) {
            lost = new DomainError(error instanceof DomainError ? error.code : ErrorCode.HOST_UNREACHABLE, `lost contact with the run's host past its deadline: ${(error as Error).message}`);
            break;
          }
          await pause(RETRY_MS, run.abort.signal);
        }
      }
    } finally {
      clearTimeout(timer);
      untrack();
      await stats?.return();
      await sampling;
    }
    if (run.abort.signal.aborted) return;
    if (lost) return this.deps.step.finish(instance, InstanceStatus.FAILED, { reason: lost.message, errorCode: lost.code, usage: meter.value, violations });

    let state = await this.deps.runs.state(target, containerId, { size: true });
    meter.storage(state?.sizeRwBytes ?? null);
    const events = (await this.deps.repository.execEventsOf([containerId])).get(containerId) ?? [];
    violations.push(...unexpectedExecs(events, state?.healthcheck ?? d.container.healthcheck?.test ?? null, violations));
    const ended = ending as Ending | undefined;
    const output = state ? await this.capture(run, target, state) : { stdout: null, stderr: null, outputTruncated: false };
    if (state && !ended && state.exitCode === 137 && !state.oomKilled) {
      // containerd may report the exit before the OOM (containerd#8180): Docker sets OOMKilled when the OOM event
      // comes, a moment later. Killed by SIGKILL and not by us: the Engine is asked again, and the stored `oom`
      // event counts too, until one says so or the bounded wait ends (then it is a plain exit 137).
      const until = Date.now() + (this.deps.settings.oomWaitMs ?? OOM_WAIT_MS);
      // An ask that fails (the Engine or the database briefly away) is no verdict yet: the finished run is kept.
      const told = async () => {
        try {
          return Boolean((await this.deps.runs.state(target, containerId))?.oomKilled) || (await this.deps.repository.sawOom(instance.hostId!, containerId));
        } catch {
          return false;
        }
      };
      for (;;) {
        if (await told()) {
          state = { ...state, oomKilled: true };
          break;
        }
        if (Date.now() >= until || run.abort.signal.aborted) break;
        await pause(OOM_ASK_EVERY_MS, run.abort.signal);
      }
      if (run.abort.signal.aborted) return;
    }
    if (ended?.violation) violations.push(ended.violation);
    if (state?.oomKilled) violations.push({ kind: ViolationKind.OOM_KILLED, detectedAt: new Date(), detail: `killed by the kernel for using more than its ${d.memoryMb} MB` });
    const exitCode = state?.exitCode ?? null;
    const status = ended?.status ?? (exitCode === 0 && !state?.oomKilled ? InstanceStatus.COMPLETED : InstanceStatus.FAILED);
    const reason = ended?.reason ?? (state ? (state.oomKilled ? `OOM-killed (exit code ${exitCode})` : `exited with code ${exitCode}`) : 'its container disappeared');
    await this.deps.step.finish(instance, status, { reason, exitCode, ...output, usage: meter.value, violations, errorCode: status === InstanceStatus.FAILED ? (state ? 'EXIT_CODE' : ErrorCode.NOT_FOUND) : null });
  }

  /** Output withheld (not stored) when the Vault secrets it may print cannot be read to redact them: fail closed. */
  private async capture(run: Run, target: HostTarget, state: RunState) {
    const { instance } = run;
    const paths = instance.definition.vaultSecretPaths ?? [];
    let vaultSecrets: Array<Record<string, unknown>> = [];
    try {
      if (paths.length && !this.deps.vault) throw new Error('Vault is not configured');
      if (paths.length) vaultSecrets = await this.deps.vault!.readAs({ policies: instance.definition.vaultPolicies, paths, meta: { instance_id: instance.id, account_id: instance.accountId } });
    } catch (error) {
      return { stdout: null, stderr: `[output withheld: the Vault secrets to redact could not be read: ${(error as Error).message}]`, outputTruncated: false };
    }
    const tokens = [...run.secrets, ...state.env.filter((e) => /^VAULT_(WRAPPING_)?TOKEN=/.test(e)).map((e) => e.slice(e.indexOf('=') + 1))];
    const secrets = secretValues({ tokens, env: this.deps.environment(instance), vaultSecrets });
    const logs = await this.deps.containers.logs(target, instance.containerId!, {});
    const max = this.deps.settings.outputMaxBytes;
    const cut = { cutBefore: logs.truncated };
    const [stdout, stderr] = [redactOutput(logs.stdout, secrets, max, cut), redactOutput(logs.stderr, secrets, max, cut)];
    return { stdout: stdout.text, stderr: stderr.text, outputTruncated: logs.truncated || stdout.truncated || stderr.truncated };
  }
}


/** The wait, unless the run is let go first (shutdown, lease lost): then this ends at once and the wait is left. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new Error('let go'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new Error('let go'));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
