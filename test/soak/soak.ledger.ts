import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type DocumentNode } from 'graphql';
import type { Instance } from '../support/instances';
import type { Account, Slot, SoakWorld, TargetName } from './soak.world';

/** One mutation the soak sent, matched to its activity row by the request id it chose (`x-request-id`). */
export interface SentMutation {
  requestId: string;
  accountId: string;
  action: string;
  slot: Slot;
  instance: Instance;
  startedAt: number;
  endedAt: number;
  /** An HTTP answer came back. False: the request died with the connection (its process was killed, say). */
  answered: boolean;
  ok: boolean;
  errorCode?: string;
}

export type Transition = 'CREATED' | 'RUNNING' | 'EXITED' | 'removed';

/** A container an account made through the API, with the transitions its mutations were answered for. */
export interface ApiContainer {
  id: string;
  accountId: string;
  hostId: string;
  target: TargetName;
  createdAt: number;
  transitions: Array<{ transition: Transition; at: number }>;
  /** When the answer to its successful removeContainer arrived. */
  removedAt?: number;
}

interface GraphQLAnswer<R> {
  data?: R | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/** What the load did, for the invariant checks: every mutation and every container it made through the API. */
export class Ledger {
  readonly mutations: SentMutation[] = [];
  readonly containers = new Map<string, ApiContainer>();
  readonly docker = { ok: 0, failed: 0 };
  private sequence = 0;

  constructor(
    private readonly world: SoakWorld,
    private readonly pick: <T>(items: T[]) => T,
  ) {}

  /**
   * Sends a mutation to one of the live API processes (chosen at random) and records it. `data` is missing when it
   * failed (a GraphQL error, or the connection died): under faults, failure is expected.
   */
  async mutate<R, V>(account: Account, document: TypedDocumentNode<R, V>, variables: V): Promise<{ data?: R; errorCode?: string }> {
    const live = this.world.live();
    if (live.length === 0) return {}; // nothing to send to: not a mutation
    const { slot, instance } = this.pick(live);
    const record: SentMutation = {
      requestId: `soak-${this.world.runId}-${++this.sequence}`,
      accountId: account.id,
      action: operationField(document),
      slot,
      instance,
      startedAt: Date.now(),
      endedAt: 0,
      answered: false,
      ok: false,
    };
    this.mutations.push(record);
    try {
      const response = await fetch(instance.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${account.token}`, 'x-request-id': record.requestId },
        body: JSON.stringify({ query: print(document), variables }),
        signal: AbortSignal.timeout(60_000),
      });
      const answer = (await response.json()) as GraphQLAnswer<R>;
      record.answered = true;
      record.ok = !answer.errors?.length && !!answer.data;
      record.errorCode = answer.errors?.[0]?.extensions?.code;
      return { data: record.ok ? answer.data! : undefined, errorCode: record.errorCode };
    } catch {
      return {};
    } finally {
      record.endedAt = Date.now();
    }
  }

  transition(id: string, transition: Transition): void {
    const container = this.containers.get(id);
    if (!container) return;
    container.transitions.push({ transition, at: Date.now() });
    if (transition === 'removed') container.removedAt = Date.now();
  }
}

function operationField(document: DocumentNode): string {
  const operation = document.definitions.find((d) => d.kind === 'OperationDefinition');
  const field = operation?.kind === 'OperationDefinition' ? operation.selectionSet.selections[0] : undefined;
  return field?.kind === 'Field' ? field.name.value : 'unknown';
}
