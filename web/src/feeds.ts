import {
  PageClusterChangedDocument,
  PageClustersDocument,
  PageContainersDocument,
  PageNodesDocument,
  PageServicesDocument,
  PageContainerChangedDocument,
  PageDeploymentChangedDocument,
  PageDeploymentsDocument,
  PageHostChangedDocument,
  PageHostDeletedDocument,
  PageHostsDocument,
  PageInstanceChangedDocument,
  PageInstancesDocument,
  PageNodeChangedDocument,
  PageServiceChangedDocument,
  SwarmChange,
} from '../generated/graphql';
import type { Session } from './client';
import { PAGE } from './page-sizes';
import { snapshotThenLive, type Change } from './store';

/**
 * Every panel's snapshot and the subscriptions that keep it live (no polling). Returns the unsubscribe of them all.
 * Called again after a reconnect: the snapshots then cover what happened while the socket was down.
 */
export function startFeeds(session: Session, apply: (change: Change) => void, fail: (error: Error) => void): () => void {
  const stops: Array<() => void> = [];

  const hosts = snapshotThenLive(apply);
  stops.push(
    session.live(PageHostChangedDocument, {}, ({ dockerHostChanged: host }) => hosts.live({ upsert: { hosts: [host] } }), fail),
    session.live(PageHostDeletedDocument, {}, ({ dockerHostDeleted: id }) => hosts.live({ remove: { hosts: [id] } }), fail),
    session.live(PageContainerChangedDocument, {}, ({ containerStateChanged: change }) =>
      hosts.live(change.removed ? { remove: { containers: [change.container.id] } } : { upsert: { containers: [change.container] } }),
    fail),
  );
  Promise.all([session.request(PageHostsDocument, PAGE.hosts), session.request(PageContainersDocument, PAGE.containers)]).then(
    ([{ dockerHosts }, { containers }]) => hosts.snapshot({ replace: { hosts: dockerHosts.nodes, containers: containers.nodes } }),
    fail,
  );

  const swarm = snapshotThenLive(apply);
  // A swarm object's message carries its whole state, or says it is gone.
  const swarmChange = (kind: 'nodes' | 'services', change: SwarmChange, object: { id: string }): Change =>
    (change === SwarmChange.Removed ? { remove: { [kind]: [object.id] } } : { upsert: { [kind]: [object] } }) as Change;
  stops.push(
    session.live(PageClusterChangedDocument, {}, ({ swarmClusterChanged: cluster }) => swarm.live({ upsert: { clusters: [cluster] } }), fail),
    session.live(PageNodeChangedDocument, {}, ({ swarmNodeChanged: c }) => swarm.live(swarmChange('nodes', c.change, c.object)), fail),
    session.live(PageServiceChangedDocument, {}, ({ swarmServiceChanged: c }) => swarm.live(swarmChange('services', c.change, c.object)), fail),
  );
  Promise.all([
    session.request(PageClustersDocument, PAGE.clusters),
    session.request(PageNodesDocument, PAGE.nodes),
    session.request(PageServicesDocument, PAGE.services),
  ]).then(
    ([{ swarmClusters }, { swarmNodes }, { swarmServices }]) =>
      swarm.snapshot({ replace: { clusters: swarmClusters.nodes, nodes: swarmNodes.nodes, services: swarmServices.nodes } }),
    fail,
  );

  const deployments = snapshotThenLive(apply);
  stops.push(session.live(PageDeploymentChangedDocument, {}, ({ deploymentChanged: d }) => deployments.live({ upsert: { deployments: [d] } }), fail));
  session.request(PageDeploymentsDocument, PAGE.deployments).then(({ deployments: page }) => deployments.snapshot({ replace: { deployments: page.nodes } }), fail);

  const instances = snapshotThenLive(apply);
  stops.push(session.live(PageInstanceChangedDocument, {}, ({ containerInstanceChanged: i }) => instances.live({ upsert: { instances: [i] } }), fail));
  session.request(PageInstancesDocument, PAGE.instances).then(({ containerInstances }) => instances.snapshot({ replace: { instances: containerInstances.nodes } }), fail);

  return () => stops.forEach((stop) => stop());
}
