import { SwarmFleetDocument } from '../generated/graphql';
import { newAccountId, TestServer } from '../support/harness';
import { recordStatements, seedSwarm } from '../support/inventory-fixtures';

/** The nested fleet read of swarms (clusters × services × tasks) from stored rows: what each service shows, and its cost. */
describe('swarm fleet read (clusters x services x tasks)', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await TestServer.start({ SYNC_WORKER_ENABLED: 'false' });
  });
  afterAll(() => server?.close());

  it("shows each service only its own cluster's tasks when one swarm is registered twice (same Docker ids)", async () => {
    const accountId = newAccountId();
    const [first, second] = await seedSwarm(server.app.orm, { accountId, clusters: 2, services: 2, tasks: 3 });
    // The same swarm registered a second time: the second cluster's rows get the first one's Docker ids.
    const knex = server.app.orm.em.getConnection().getKnex();
    const services = await knex('swarm_services').where({ cluster_id: first!.id }).orderBy('name');
    const copies = await knex('swarm_services').where({ cluster_id: second!.id }).orderBy('name');
    for (const [i, copy] of copies.entries()) {
      await knex('swarm_tasks').where({ cluster_id: second!.id, service_id: copy.docker_id }).update({ service_id: services[i].docker_id });
      await knex('swarm_services').where({ id: copy.id }).update({ docker_id: services[i].docker_id });
    }
    // One task fewer in the second: the two clusters' services must now differ.
    const gone = await knex('swarm_tasks').where({ cluster_id: second!.id, service_id: services[0].docker_id }).first();
    await knex('swarm_tasks').where({ id: gone.id }).del();

    const token = await server.token({ accountId });
    const { swarmClusters } = await server.ok(SwarmFleetDocument, { clusters: 10, services: 10, tasks: 10 }, token);
    const shown = Object.fromEntries(swarmClusters.nodes.map((c) => [c.id, c.services.nodes.map((s) => ({ name: s.name, totalCount: s.tasks.totalCount, returned: s.tasks.nodes.length }))]));
    expect(shown).toEqual({
      [first!.id]: [{ name: services[0].name, totalCount: 3, returned: 3 }, { name: services[1].name, totalCount: 3, returned: 3 }],
      [second!.id]: [{ name: services[0].name, totalCount: 2, returned: 2 }, { name: services[1].name, totalCount: 3, returned: 3 }],
    });
  });

  it('costs the same statements for 1 x 2 x 2 as for 6 x 8 x 5', async () => {
    const count = async (clusters: number, services: number, tasks: number) => {
      const accountId = newAccountId();
      await seedSwarm(server.app.orm, { accountId, clusters, services, tasks });
      const token = await server.token({ accountId });
      const { result, statements } = await recordStatements(server.app.orm, () => server.ok(SwarmFleetDocument, { clusters, services, tasks }, token));
      expect(result.swarmClusters.nodes.flatMap((c) => c.services.nodes.flatMap((s) => s.tasks.nodes))).toHaveLength(clusters * services * tasks);
      return statements.length;
    };
    expect(await count(6, 8, 5)).toBe(await count(1, 2, 2));
  });
});
