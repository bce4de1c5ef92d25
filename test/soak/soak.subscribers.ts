import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import type { Client } from 'graphql-ws';
import {
  ContainerStateChangedDocument,
  DockerHostChangedDocument,
  type ContainerStateChangedSubscription,
  type DockerHostChangedSubscription,
} from '../generated/graphql';
import type { Instance } from '../support/instances';
import type { Account, Slot, SoakWorld } from './soak.world';

export type ContainerMessage = ContainerStateChangedSubscription['containerStateChanged'];
export type HostMessage = DockerHostChangedSubscription['dockerHostChanged'];

/**
 * One account's graphql-ws connection to one API process, subscribed to containerStateChanged and dockerHostChanged
 * for the whole account. A session lives as long as its socket: a killed process ends it, and a new session is opened
 * on the restarted process.
 */
export class SubscriberSession {
  readonly containers: Array<{ at: number; message: ContainerMessage }> = [];
  readonly hosts: Array<{ at: number; message: HostMessage }> = [];
  /**
   * When the first containerStateChanged arrived: nothing tells a client when the server has registered its
   * subscription, so what the session is owed is counted from the moment it provably receives.
   */
  liveAt?: number;
  endedAt?: number;
  endReason?: string;
  private readonly client: Client;

  constructor(
    readonly account: Account,
    readonly slot: Slot,
    readonly instance: Instance,
  ) {
    this.client = instance.wsClient(account.token);
    this.client.on('closed', (event) => this.end(`socket closed (${(event as { code?: number }).code ?? '?'})`));
    this.listen(ContainerStateChangedDocument, (data) => {
      this.liveAt ??= Date.now();
      this.containers.push({ at: Date.now(), message: data.containerStateChanged });
    });
    this.listen(DockerHostChangedDocument, (data) => this.hosts.push({ at: Date.now(), message: data.dockerHostChanged }));
  }

  get open(): boolean {
    return this.endedAt === undefined;
  }

  async close(): Promise<void> {
    this.end('closed by the soak');
    await this.client.dispose();
  }

  private listen<R, V>(document: TypedDocumentNode<R, V>, onData: (data: R) => void): void {
    this.client.subscribe<R>(
      { query: print(document), variables: {} },
      {
        next: (result) => {
          if (result.errors?.length) this.end(`subscription error: ${JSON.stringify(result.errors)}`);
          else if (result.data) onData(result.data);
        },
        error: (error) => this.end(`subscription failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`),
        complete: () => this.end('subscription completed by the server'),
      },
    );
  }

  private end(reason: string): void {
    if (this.endedAt !== undefined) return;
    this.endedAt = Date.now();
    this.endReason = reason;
  }
}

/** A subscriber per account on each API process, reopened on a process that was restarted. */
export class Subscribers {
  readonly sessions: SubscriberSession[] = [];

  constructor(private readonly world: SoakWorld) {}

  /** Opens the sessions missing on the processes up now. */
  ensure(): void {
    for (const { slot, instance } of this.world.live()) {
      for (const account of this.world.accounts) {
        if (!this.sessions.some((s) => s.instance === instance && s.account === account && s.open)) this.sessions.push(new SubscriberSession(account, slot, instance));
      }
    }
  }

  /** The open sessions that have not received anything yet. */
  get notLive(): SubscriberSession[] {
    return this.sessions.filter((s) => s.open && s.liveAt === undefined);
  }

  get messages(): number {
    return this.sessions.reduce((sum, s) => sum + s.containers.length + s.hosts.length, 0);
  }

  async close(): Promise<void> {
    await Promise.all(this.sessions.filter((s) => s.open).map((s) => s.close()));
  }
}
