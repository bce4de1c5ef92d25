import { useEffect, useState } from 'preact/hooks';
import type { PageDeploymentFragment, PageDeploymentProgressSubscription } from '../../generated/graphql';
import { DeploymentStatus, PageAbortDeploymentDocument, PageDeploymentProgressDocument, PagePromoteDeploymentDocument } from '../../generated/graphql';
import type { Act } from '../app';
import type { Session } from '../client';
import type { Fleet } from '../store';
import { Badge } from './hosts';
import { Table } from './table';

type Step = PageDeploymentProgressSubscription['deploymentProgress'];
const ACTIVE: readonly string[] = [DeploymentStatus.InProgress, DeploymentStatus.Paused, DeploymentStatus.Queued, DeploymentStatus.Pending];

/** Deployments (newest first) with their progress; one opened shows its steps as they happen; promote and abort. */
export function DeploymentsPanel({ fleet, session, act }: { fleet: Fleet; session: Session; act: Act }) {
  const [open, setOpen] = useState<string | null>(null);
  const deployments = [...fleet.deployments.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <section class="panel" aria-labelledby="deployments-title">
      <h2 id="deployments-title">Deployments ({deployments.length})</h2>
      {deployments.length === 0 && <p class="empty">No deployments yet.</p>}
      {deployments.length > 0 && (
        <Table columns={['Stack / service', 'Rev.', 'Status', 'Progress', 'Actions']}>
          {deployments.map((d) => (
            <DeploymentRow key={d.id} deployment={d} session={session} act={act} open={open === d.id} toggle={() => setOpen(open === d.id ? null : d.id)} />
          ))}
        </Table>
      )}
      {open && <Steps key={open} session={session} id={open} />}
    </section>
  );
}

function DeploymentRow({ deployment: d, session, act, open, toggle }: { deployment: PageDeploymentFragment; session: Session; act: Act; open: boolean; toggle: () => void }) {
  const name = `${d.stack ?? ''}${d.service ? `/${d.service}` : ''}` || d.id;
  return (
    <tr data-testid={`deployment-${d.id}`}>
      <th scope="row">{name}</th>
      <td>{d.revision}</td>
      <td>
        <Badge value={d.status} />
      </td>
      <td>
        {d.strategy.toLowerCase()}
        {d.phase && ` · ${d.phase}`} · {d.stepCount} steps
        {d.reason && <span class="error"> · {d.reason}</span>}
      </td>
      <td class="actions">
        <button type="button" aria-expanded={open} aria-label={`Steps of ${name} revision ${d.revision}`} onClick={toggle}>
          Steps
        </button>
        {d.status === DeploymentStatus.Paused && (
          <button type="button" onClick={() => act(`Promote ${name}`, () => session.request(PagePromoteDeploymentDocument, { id: d.id }))}>
            Promote
          </button>
        )}
        {ACTIVE.includes(d.status) && (
          <button type="button" onClick={() => act(`Abort ${name}`, () => session.request(PageAbortDeploymentDocument, { id: d.id }))}>
            Abort
          </button>
        )}
      </td>
    </tr>
  );
}

/** The deployment's steps from the first, then each as it happens (deploymentProgress is resumable by seq). */
function Steps({ session, id }: { session: Session; id: string }) {
  const [steps, setSteps] = useState<Step[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let last = 0;
    return session.live(
      PageDeploymentProgressDocument,
      { id, after: 0 },
      ({ deploymentProgress: step }) => {
        // A resubscription after a reconnect starts from 0 again: skip what is already shown.
        if (step.seq <= last) return;
        last = step.seq;
        setSteps((all) => [...all, step]);
      },
      (e) => setError(e.message),
    );
  }, [id]);
  return (
    <div class="steps">
      <h3>Steps</h3>
      {error && <p class="error">{error}</p>}
      <ol aria-live="polite" data-testid="steps">
        {steps.map((s) => (
          <li key={s.seq}>
            <time dateTime={s.at}>{new Date(s.at).toLocaleTimeString()}</time> <Badge value={s.status} /> {s.kind.toLowerCase()}
            {s.service && ` ${s.service}`}: {s.message}
          </li>
        ))}
      </ol>
    </div>
  );
}
