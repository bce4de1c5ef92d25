import { GraphQLObjectType, GraphQLSchema, GraphQLString, parse, type ExecutionResult } from 'graphql';
import type { Permission } from '../../src/auth/permissions';
import type { Principal } from '../../src/auth/principal';
import { SharedSubscriptions } from '../../src/graphql/shared-subscribe';
import { HostTopic } from '../../src/hosts/host.topics';
import { createLocalPubSub } from '../../src/pubsub/pubsub';

/**
 * One execution per event for subscribers who would get the same answer, and only for them: the fan-out of one event
 * to many dashboards (B16) must not hand anyone an answer computed for another principal or another operation.
 */
describe('shared subscription execution', () => {
  const pubsub = createLocalPubSub();
  let executions: Array<{ user: string; event: string }> = [];
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLString } } }),
    subscription: new GraphQLObjectType({
      name: 'Subscription',
      fields: {
        changed: {
          type: new GraphQLObjectType({ name: 'Change', fields: { event: { type: GraphQLString }, seenBy: { type: GraphQLString }, prefix: { type: GraphQLString } } }),
          args: { prefix: { type: GraphQLString } },
          subscribe: () => pubsub.subscribe(HostTopic.Changed, 'acct'),
          // What a resolver may read: the event, the principal, the arguments.
          resolve: (event: { name: string }, args: { prefix?: string }, ctx: { principal: Principal }) => {
            executions.push({ user: ctx.principal.userId, event: event.name });
            return { event: event.name, seenBy: ctx.principal.userId, prefix: args.prefix ?? null };
          },
        },
      },
    }),
  });
  const principal = (userId: string, permissions: string[] = ['docker-hosts:read']): Principal => ({ userId, accountId: 'acct', permissions: new Set(permissions as Permission[]), expiresAt: 0, issuedAt: null });

  async function subscriber(shared: SharedSubscriptions, who: Principal, text = 'subscription { changed { event seenBy } }', variableValues?: Record<string, unknown>) {
    const document = parse(text);
    shared.parsed(document, text);
    const stream = (await shared.subscribe({ schema, document, contextValue: { principal: who }, variableValues })) as AsyncIterableIterator<ExecutionResult>;
    return stream;
  }

  beforeEach(() => (executions = []));

  it('executes an event once for subscribers of one principal and operation, and apart for anyone else', async () => {
    const shared = new SharedSubscriptions();
    const same = await Promise.all([1, 2, 3].map(() => subscriber(shared, principal('ann'))));
    const otherUser = await subscriber(shared, principal('bob'));
    const fewerPermissions = await subscriber(shared, principal('ann', []));
    const otherOperation = await subscriber(shared, principal('ann'), 'subscription { changed { event } }');
    const otherVariables = await subscriber(shared, principal('ann'), 'subscription ($p: String) { changed(prefix: $p) { event prefix } }', { p: 'x' });
    const otherVariables2 = await subscriber(shared, principal('ann'), 'subscription ($p: String) { changed(prefix: $p) { event prefix } }', { p: 'y' });
    const all = [...same, otherUser, fewerPermissions, otherOperation, otherVariables, otherVariables2];
    const next = all.map((s) => s.next());
    pubsub.publish(HostTopic.Changed, 'acct', { name: 'e1' } as never);
    const results = (await Promise.all(next)).map((r) => r.value as ExecutionResult);

    expect(results.slice(0, 3).map((r) => r.data)).toEqual([1, 2, 3].map(() => ({ changed: { event: 'e1', seenBy: 'ann' } })));
    expect(results[3]!.data).toEqual({ changed: { event: 'e1', seenBy: 'bob' } });
    expect(results[5]!.data).toEqual({ changed: { event: 'e1' } });
    expect(results[6]!.data).toEqual({ changed: { event: 'e1', prefix: 'x' } });
    expect(results[7]!.data).toEqual({ changed: { event: 'e1', prefix: 'y' } });
    // Three of ann's subscribers shared one execution; everyone else had their own.
    expect(executions).toHaveLength(all.length - 2);

    // The next event is executed again (results belong to an event, not to a subscriber).
    const again = same.map((s) => s.next());
    pubsub.publish(HostTopic.Changed, 'acct', { name: 'e2' } as never);
    expect((await Promise.all(again)).map((r) => (r.value as ExecutionResult).data)).toEqual([1, 2, 3].map(() => ({ changed: { event: 'e2', seenBy: 'ann' } })));
    expect(executions.filter((e) => e.event === 'e2')).toEqual([{ user: 'ann', event: 'e2' }]);
    await Promise.all(all.map((s) => s.return?.()));
  });

  it('does not share an operation whose text it was not told', async () => {
    const shared = new SharedSubscriptions();
    const document = parse('subscription { changed { event seenBy } }');
    const streams = await Promise.all([1, 2].map(() => shared.subscribe({ schema, document, contextValue: { principal: principal('ann') } }) as Promise<AsyncIterableIterator<ExecutionResult>>));
    const next = streams.map((s) => s.next());
    pubsub.publish(HostTopic.Changed, 'acct', { name: 'e3' } as never);
    await Promise.all(next);
    expect(executions).toHaveLength(2);
    await Promise.all(streams.map((s) => s.return?.()));
  });

  it('ends at once when the subscriber leaves while waiting for an event', async () => {
    const shared = new SharedSubscriptions();
    const stream = await subscriber(shared, principal('ann'));
    const waiting = stream.next();
    await stream.return?.();
    await expect(waiting).resolves.toEqual({ value: undefined, done: true });
  });
});
