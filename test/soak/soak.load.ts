import {
  CreateContainerDocument,
  RemoveContainerDocument,
  StartContainerDocument,
  StopContainerDocument,
} from '../generated/graphql';
import { waitFor } from '../support/wait';
import type { Ledger } from './soak.ledger';
import type { Random } from './soak.random';
import type { Account, SoakWorld, Target } from './soak.world';

// PID 1 that leaves at once on SIGTERM: stops, and a restarted dockerd's restore, do not wait out a stop timeout.
const COMMAND = ['sh', '-c', 'trap "exit 0" TERM; while :; do sleep 1; done'];

/**
 * Lets the invariant checks see a quiet fleet: `pause()` stops new steps and resolves once every step under way has
 * finished (its answer arrived, or its connection died).
 */
export class Gate {
  private opened: Promise<void> = Promise.resolve();
  private open = () => {};
  private paused = false;
  private inFlight = 0;

  async pause(): Promise<void> {
    if (!this.paused) {
      this.paused = true;
      this.opened = new Promise((resolve) => (this.open = resolve));
    }
    await waitFor(() => this.inFlight === 0, { what: 'the load steps under way to finish', timeoutMs: 120_000 });
  }

  resume(): void {
    this.paused = false;
    this.open();
  }

  /** Runs one step of load once the gate is open. */
  async step<T>(action: () => Promise<T>): Promise<T> {
    while (this.paused) await this.opened;
    this.inFlight++;
    try {
      return await action();
    } finally {
      this.inFlight--;
    }
  }
}

/** The steady load: each account's container lifecycle through the API, and container churn behind the API's back. */
export class Load {
  readonly gate = new Gate();
  private stopped = false;
  private loops: Promise<void>[] = [];
  private names = 0;

  constructor(
    private readonly world: SoakWorld,
    private readonly ledger: Ledger,
    private readonly random: Random,
  ) {}

  start(): void {
    this.loops = [
      ...this.world.accounts.map((account) => this.forever(() => this.lifecycle(account))),
      ...this.world.targets.map((target) => this.forever(() => this.churn(target))),
    ];
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.gate.resume();
    await Promise.all(this.loops);
  }

  private async forever(round: () => Promise<void>): Promise<void> {
    while (!this.stopped) await round();
  }

  /** Pacing between steps, so the load is steady rather than a flood on two shared cores. */
  private pace(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, this.random.between(100, 600)));
  }

  /** create, start, stop, (start, stop,) remove: a container's whole life through the API, on one of its hosts. */
  private async lifecycle(account: Account): Promise<void> {
    const target = this.random.pick(this.world.targets);
    const hostId = account.hosts.get(target.name)!;
    const input = { image: this.world.fleet.image, name: this.name(account), command: COMMAND, network: 'none', labels: { 'fleet-soak': this.world.runId } };
    const { data: created } = await this.gate.step(() => this.ledger.mutate(account, CreateContainerDocument, { hostId, input }));
    await this.pace();
    if (!created) return;
    const id = created.createContainer.id;
    this.ledger.containers.set(id, { id, accountId: account.id, hostId, target: target.name, createdAt: Date.now(), transitions: [{ transition: 'CREATED', at: Date.now() }] });
    for (let round = this.random.between(1, 2); round > 0 && !this.stopped; round--) {
      if ((await this.gate.step(() => this.ledger.mutate(account, StartContainerDocument, { id }))).data) this.ledger.transition(id, 'RUNNING');
      await this.pace();
      if ((await this.gate.step(() => this.ledger.mutate(account, StopContainerDocument, { id, timeoutSeconds: 5 }))).data) this.ledger.transition(id, 'EXITED');
      await this.pace();
    }
    // Removal is retried until it is answered: a container the load loses track of would linger on a shared daemon.
    for (let attempt = 0; attempt < 20; attempt++) {
      const removed = await this.gate.step(() => this.ledger.mutate(account, RemoveContainerDocument, { id, force: true }));
      if (removed.data) return this.ledger.transition(id, 'removed');
      if (removed.errorCode === 'NOT_FOUND') return; // an earlier attempt removed it but its answer was lost
      await this.pace();
    }
  }

  /** `docker run` of a short-lived container and its removal, straight on the daemon: the API learns of it by events. */
  private async churn(target: Target): Promise<void> {
    await this.gate.step(async () => {
      try {
        const container = await target.docker.createContainer({
          Image: this.world.fleet.image,
          name: `soak-${this.world.runId}-direct-${++this.names}`,
          Cmd: ['true'],
          Labels: { 'fleet-soak': this.world.runId },
          HostConfig: { NetworkMode: 'none' },
        });
        await container.start();
        await container.wait();
        await container.remove({ force: true });
        this.ledger.docker.ok++;
      } catch {
        this.ledger.docker.failed++; // its daemon is down, say; the leftover (if any) is in docker ps -a and compared
      }
    });
    await this.pace();
    await this.pace();
  }

  private name(account: Account): string {
    return `soak-${this.world.runId}-${account.name}-${++this.names}`;
  }
}
