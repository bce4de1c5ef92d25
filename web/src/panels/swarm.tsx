import { useState } from 'preact/hooks';
import type { PageClusterFragment, PageServiceFragment } from '../../generated/graphql';
import { PageScaleServiceDocument } from '../../generated/graphql';
import type { Act } from '../app';
import type { Session } from '../client';
import { byName, type Fleet } from '../store';
import { Badge } from './hosts';
import { Table, wideOnly } from './table';

/** Swarm clusters: status and quorum, their nodes, their services with running/desired replicas and a scale form. */
export function SwarmPanel({ fleet, session, act }: { fleet: Fleet; session: Session; act: Act }) {
  const clusters = byName(fleet.clusters.values());
  return (
    <section class="panel wide" aria-labelledby="swarm-title">
      <h2 id="swarm-title">Swarm clusters ({clusters.length})</h2>
      {clusters.length === 0 && <p class="empty">No clusters yet: registerSwarmCluster adds one.</p>}
      {clusters.map((cluster) => (
        <Cluster key={cluster.id} cluster={cluster} fleet={fleet} session={session} act={act} />
      ))}
    </section>
  );
}

function Cluster({ cluster, fleet, session, act }: { cluster: PageClusterFragment; fleet: Fleet; session: Session; act: Act }) {
  const nodes = [...fleet.nodes.values()].filter((n) => n.clusterId === cluster.id).sort((a, b) => a.hostname.localeCompare(b.hostname));
  const services = byName([...fleet.services.values()].filter((s) => s.clusterId === cluster.id));
  const quorum = cluster.hasQuorum == null ? 'unknown' : cluster.hasQuorum ? 'quorum' : 'NO QUORUM';
  return (
    <article class="cluster" data-testid={`cluster-${cluster.name}`}>
      <h3>
        {cluster.name} <Badge value={cluster.status} /> <span class={`badge ${cluster.hasQuorum === false ? 'badge-error' : 'badge-connected'}`} data-testid="quorum">{quorum}</span>
      </h3>
      <p class="meta">
        managers reachable {cluster.managersReachable ?? '?'} of {cluster.managerCount ?? '?'} · {cluster.nodeCount ?? nodes.length} nodes
        {cluster.lastError && <span class="error"> · {cluster.lastError}</span>}
      </p>
      <Table caption="Nodes" columns={['Node', 'Role', 'State', wideOnly('Availability')]}>
        {nodes.map((n) => (
          <tr key={n.id} data-testid={`node-${n.hostname}`}>
            <th scope="row">{n.hostname}</th>
            <td>
              {n.role}
              {n.leader ? ' (leader)' : n.managerReachability ? ` (${n.managerReachability})` : ''}
            </td>
            <td>
              <Badge value={n.state} />
            </td>
            <td class="hide-narrow">{n.availability}</td>
          </tr>
        ))}
      </Table>
      <Table caption="Services" columns={['Service', wideOnly('Image'), <abbr title="running/desired">Replicas</abbr>, wideOnly('Update'), 'Scale']}>
        {services.map((s) => (
          <ServiceRow key={s.id} service={s} session={session} act={act} />
        ))}
      </Table>
    </article>
  );
}

function ServiceRow({ service: s, session, act }: { service: PageServiceFragment; session: Session; act: Act }) {
  const desired = s.replicas ?? s.desiredTasks;
  const [replicas, setReplicas] = useState(String(desired ?? 1));
  const converged = s.runningTasks != null && desired != null && s.runningTasks === desired;
  const inputId = `scale-${s.id}`;
  return (
    <tr data-testid={`service-${s.name}`}>
      <th scope="row">{s.name}</th>
      <td class="mono hide-narrow">{s.image}</td>
      <td>
        <span class={`badge ${converged ? 'badge-running' : 'badge-pending'}`} data-testid="replicas">
          {s.runningTasks ?? '?'}/{desired ?? '?'}
        </span>
      </td>
      <td class="hide-narrow">{s.updateState ?? '—'}</td>
      <td>
        {s.mode === 'replicated' ? (
          <form
            class="inline"
            onSubmit={(event) => {
              event.preventDefault();
              void act(`Scale ${s.name} to ${replicas}`, () => session.request(PageScaleServiceDocument, { id: s.id, replicas: Number(replicas) }));
            }}
          >
            <label class="visually-hidden" for={inputId}>
              Replicas of {s.name}
            </label>
            <input id={inputId} type="number" min="0" max="1000" required value={replicas} onInput={(e) => setReplicas(e.currentTarget.value)} />
            <button type="submit" aria-label={`Scale ${s.name}`}>
              Scale
            </button>
          </form>
        ) : (
          s.mode
        )}
      </td>
    </tr>
  );
}
