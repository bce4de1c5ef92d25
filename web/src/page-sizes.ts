/**
 * How much each list of the page reads at first (the live feeds then add whatever appears). Each is one query on its
 * own: the server prices a list by its page size, and test/unit/fleet-page-budget.test.ts checks every page query at
 * these sizes against the server's default cost limit.
 */
export const PAGE = {
  hosts: { hosts: 50 },
  containers: { containers: 500 },
  clusters: { clusters: 20 },
  nodes: { nodes: 100 },
  services: { services: 100 },
  deployments: { first: 20 },
  instances: { first: 20 },
};
