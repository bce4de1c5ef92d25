import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { ContainerState, ContainersDocument, FleetInventoryDocument } from '../generated/graphql';
import { TestServer, codeOf, newAccountId } from '../support/harness';
import { recordStatements, seedInventory } from '../support/inventory-fixtures';

/** Dashboards read the fleet in one nested query; its cost must not grow with the fleet. */
describe('nested fleet reads', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('costs the same number of SQL statements for 2 hosts of 3 containers as for 12 hosts of 40', async () => {
    const small = newAccountId();
    const large = newAccountId();
    await seedInventory(server.app.orm, { accountId: small, hosts: 2, containers: 3 });
    await seedInventory(server.app.orm, { accountId: large, hosts: 12, containers: 40 });
    const read = async (accountId: string) => {
      const token = await server.token({ accountId });
      return recordStatements(server.app.orm, () => server.ok(FleetInventoryDocument, { first: 50, containers: 20 }, token));
    };
    const a = await read(small);
    const b = await read(large);
    expect(a.result.dockerHosts.nodes).toHaveLength(2);
    expect(b.result.dockerHosts.nodes).toHaveLength(12);
    expect(b.result.dockerHosts.nodes.every((h) => h.containers.nodes.length === 20 && h.containers.totalCount === 40 && h.containers.pageInfo.hasNextPage)).toBe(true);
    expect(b.result.dockerHosts.nodes[0]!.health.containers).toMatchObject({ total: 40, running: 26, healthy: 8 });
    const first = b.result.dockerHosts.nodes[0]!.containers.nodes[0]!;
    expect(first).toMatchObject({ name: 'app-00000', labels: { app: 'seed', index: '0' }, ports: [{ privatePort: 8080 }] });
    expect(Date.parse(first.createdAt)).toBeLessThan(Date.parse(first.startedAt!));
    expect(first.status).toMatch(/^Exited \(1\) /);
    // The fewest of three reads each: a background tick landing in one window adds statements to it, an N+1 read
    // adds them to every window of the larger fleet.
    const fewest = async (accountId: string) => {
      const counts: number[] = [];
      for (let i = 0; i < 3; i++) counts.push((await read(accountId)).statements.length); // one at a time: one recorder
      return Math.min(...counts);
    };
    expect(await fewest(large)).toBe(await fewest(small));
  });

  it('reads only the host columns a page selects, and whole rows when a field needs more', async () => {
    const accountId = newAccountId();
    await seedInventory(server.app.orm, { accountId, hosts: 3, containers: 4 });
    const token = await server.token({ accountId });
    type Hosts = { dockerHosts: { nodes: Array<{ name: string; status: string; apiEndpoint?: string; containers: { totalCount: number; nodes: Array<{ name: string; host: { name: string; apiEndpoint: string } }> } }> } };
    const documents = new Map<string, TypedDocumentNode<Hosts, Record<string, never>>>();
    const read = (fields: string) => {
      const document = documents.get(fields) ?? (parse(`{ dockerHosts(first: 10) { nodes { ${fields} containers(first: 2) { totalCount nodes { name host { name apiEndpoint } } } } } }`) as TypedDocumentNode<Hosts, Record<string, never>>);
      documents.set(fields, document);
      return recordStatements(server.app.orm, () => server.ok(document, {}, token));
    };
    /** The columns the host page's statement reads. */
    const hostColumns = (statements: string[]) => {
      const page = statements.find((sql) => /from "docker_hosts"/.test(sql) && /order by "o"."name"/.test(sql))!;
      return /^select (.*?) from "docker_hosts"/.exec(page)![1]!.split(', ').sort();
    };
    // Each twice: the second run is compiled (graphql-jit), the first interpreted.
    for (let run = 1; run <= 2; run++) {
      const narrow = await read('name status');
      const whole = await read('name status apiEndpoint');
      expect(hostColumns(narrow.statements)).toEqual(['"o"."id"', '"o"."name"', '"o"."status"']);
      expect(hostColumns(whole.statements)).toEqual(['"o".*']);
      // The same answer either way, the nested hosts (whole rows, read by id when the page's are not) included.
      expect(narrow.result.dockerHosts.nodes).toEqual(whole.result.dockerHosts.nodes.map(({ apiEndpoint: _, ...host }) => host));
      expect(narrow.result.dockerHosts.nodes).toHaveLength(3);
      expect(narrow.result.dockerHosts.nodes.every((h) => h.containers.totalCount === 4 && h.containers.nodes.every((c) => c.host.name === h.name && c.host.apiEndpoint.length > 0))).toBe(true);
    }
  });

  it('reads what each merge of a field selects, when a fragment shares its nodes with a wider selection', async () => {
    const accountId = newAccountId();
    const [host] = await seedInventory(server.app.orm, { accountId, hosts: 2, containers: 2 });
    const token = await server.token({ accountId });
    // One document (parsed once by the server, so its field nodes are shared), two operations: B's containers merges
    // the fragment's field node with one that also asks for labels; A's has the fragment's alone. B must read its own
    // columns after A has run, and A its own after B.
    const query = `query A { dockerHosts(first: 10) { nodes { ...H } } }
      query B($id: ID!) { dockerHost(id: $id) { ...H containers(first: 5) { nodes { labels } } } }
      fragment H on DockerHost { name containers(first: 5) { nodes { name } } }`;
    type Answer = { dockerHosts?: { nodes: Array<{ containers: { nodes: Array<{ name: string }> } }> }; dockerHost?: { containers: { nodes: Array<{ name: string; labels: Record<string, string> }> } } };
    const run = async (operationName: 'A' | 'B') => {
      const answer = await server.post<Answer>({ query, operationName, variables: operationName === 'B' ? { id: host!.id } : {} }, token);
      expect(answer.errors).toBeUndefined();
      return answer.data!;
    };
    for (let round = 1; round <= 2; round++) {
      expect((await run('A')).dockerHosts!.nodes.map((h) => h.containers.nodes.length)).toEqual([2, 2]);
      expect((await run('B')).dockerHost!.containers.nodes.map((c) => c.labels)).toEqual([{ app: 'seed', index: '0' }, { app: 'seed', index: '1' }]);
    }
  });

  it('continues a nested page in the fleet-wide query with its end cursor', async () => {
    const accountId = newAccountId();
    const [host] = await seedInventory(server.app.orm, { accountId, hosts: 1, containers: 7 });
    const token = await server.token({ accountId });
    const { dockerHosts } = await server.ok(FleetInventoryDocument, { first: 1, containers: 4 }, token);
    const { endCursor } = dockerHosts.nodes[0]!.containers.pageInfo;
    const { containers } = await server.ok(ContainersDocument, { filter: { hostId: host!.id }, first: 10, after: endCursor }, token);
    expect(containers.nodes.map((c) => c.name)).toEqual(['app-00004', 'app-00005', 'app-00006']);
  });

  it('filters containers by state, name, image and label, and refuses a malformed label filter', async () => {
    const accountId = newAccountId();
    await seedInventory(server.app.orm, { accountId, hosts: 2, containers: 6 });
    const token = await server.token({ accountId });
    const total = async (filter: Record<string, unknown>) => (await server.ok(ContainersDocument, { filter, first: 100 }, token)).containers.totalCount;
    expect(await total({})).toBe(12);
    expect(await total({ state: ContainerState.Exited })).toBe(4);
    expect(await total({ name: 'APP-0000' })).toBe(12);
    expect(await total({ name: 'app-00005' })).toBe(2);
    expect(await total({ image: 'registry.local/app' })).toBe(12);
    expect(await total({ label: 'index=3' })).toBe(2);
    expect(await total({ label: 'app' })).toBe(12);
    expect(await total({ label: 'missing' })).toBe(0);
    const bad = await server.request(ContainersDocument, { filter: { label: '=x' } }, token);
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toContain('filter.label');
  });
});
