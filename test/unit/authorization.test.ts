import 'reflect-metadata';
import { isObjectType, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { buildAppSchema } from '../../src/graphql/schema';
import { createLocalPubSub } from '../../src/pubsub/pubsub';

/** A guard against the easiest security hole to ship: a new root field without @Authorized. */
describe('authorization coverage', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildAppSchema(createLocalPubSub());
  });

  it('guards every query, mutation and subscription with a permission', () => {
    const storage = getMetadataStorage();
    const handlers = [...storage.queries, ...storage.mutations, ...storage.subscriptions];
    const roles = new Map(handlers.map((h) => [h.schemaName, h.roles ?? []]));
    const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()];
    const fields = roots.flatMap((t) => (t ? Object.keys(t.getFields()) : []));
    expect(fields.length).toBeGreaterThan(5);
    expect(fields.filter((f) => (roles.get(f) ?? []).length === 0)).toEqual([]);
  });

  it('lets no read permission run any mutation', () => {
    const mutations = getMetadataStorage().mutations.filter((m) => schema.getMutationType()?.getFields()[m.schemaName]);
    expect(mutations.length).toBeGreaterThan(20);
    const readable = mutations.filter((m) => (m.roles ?? []).some((role) => String(role).endsWith('.read')));
    expect(readable.map((m) => m.schemaName)).toEqual([]);
  });

  it('exposes no field that could carry stored TLS material or passwords', () => {
    const names = Object.values(schema.getTypeMap())
      .filter(isObjectType)
      .flatMap((t) => Object.keys(t.getFields()));
    // Swarm secrets are named by these fields, never carried: their types have no data field (checked below).
    const swarmSecretFields = new Set(['swarmSecret', 'swarmSecrets', 'secrets', 'secret', 'createSwarmSecret', 'updateSwarmSecret', 'removeSwarmSecret', 'rotateSwarmSecret']);
    expect([...new Set(names.filter((n) => /encrypted|tlsCredentials|privateKey|password|secret/i.test(n) && !swarmSecretFields.has(n)))]).toEqual(['hasTlsCredentials']);
  });

  it('returns no data of swarm secrets and configs', () => {
    for (const type of ['SwarmSecret', 'SwarmConfig']) {
      const fields = Object.keys((schema.getType(type) as { getFields(): Record<string, unknown> }).getFields());
      expect(fields.filter((f) => /data|content|value|payload/i.test(f))).toEqual([]);
    }
  });
});
