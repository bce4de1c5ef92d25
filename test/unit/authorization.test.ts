import 'reflect-metadata';
import { getNamedType, isObjectType, type GraphQLSchema } from 'graphql';
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
    // Swarm secrets are listed by name and labels (SwarmSecret has no data field, checked below): those fields may say "secret".
    // A stack lists the names of its secrets (SwarmStack.secrets: [String!]).
    // A container template names the Vault paths its runs read (ContainerTemplate.vaultSecretPaths): paths, never values.
    // The one deliberate exception: rotateTaskCallbackSecret answers the new callback signing secret once (TaskCallbackSecretRotation.secret).
    const names = Object.values(schema.getTypeMap())
      .filter(isObjectType)
      .flatMap((t) => Object.values(t.getFields()).filter((f) => !(t.name === 'SwarmStack' && f.name === 'secrets') && !(t.name === 'TaskCallbackSecretRotation' && f.name === 'secret') && f.name !== 'rotateTaskCallbackSecret'))
      .filter((f) => !getNamedType(f.type).name.startsWith('SwarmSecret') && !/^(create|update|remove|rotate)SwarmSecret$/.test(f.name))
      .map((f) => f.name);
    expect([...new Set(names.filter((n) => /encrypted|tlsCredentials|privateKey|password|secret|joinToken/i.test(n)))].sort()).toEqual(['hasTlsCredentials', 'taskCallbackSecretSet', 'vaultSecretPaths']);
    const secret = schema.getType('SwarmSecret');
    expect(isObjectType(secret) && Object.keys(secret.getFields()).filter((n) => /data|content|value/i.test(n))).toEqual([]);
  });
});
