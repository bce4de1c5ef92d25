/**
 * Image strings as moby's client package writes them into a service spec before sending it (client/service_create.go
 * and service_update.go): docker/cli's converter keeps the compose string (also in the label com.docker.stack.image),
 * and the client then tags it (`:latest` when it has neither tag nor digest) in its familiar form, and with
 * QueryRegistry pins it to the digest the registry answers (`name:tag@sha256:...`).
 */

const DIGEST = /@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
const IMAGE_ID = /^(?:sha256:)?[a-f0-9]{64}$/;

/** reference.FamiliarString: `docker.io/library/x` is `x`, `docker.io/u/x` is `u/x`. */
function familiar(image: string): string {
  for (const prefix of ['docker.io/library/', 'index.docker.io/library/']) if (image.startsWith(prefix) && !image.slice(prefix.length).includes('/')) return image.slice(prefix.length);
  for (const prefix of ['docker.io/', 'index.docker.io/']) if (image.startsWith(prefix)) return image.slice(prefix.length);
  return image;
}

/** The repository part of a reference: everything before its tag and digest (a registry's port is not a tag). */
export function repositoryOf(image: string): string {
  const name = image.replace(DIGEST, '');
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  return colon > slash ? name.slice(0, colon) : name;
}

/** imageWithTagString: `fleet/busybox` -> `fleet/busybox:latest`; a digested reference or an image id stays. */
export function taggedImage(image: string): string {
  if (IMAGE_ID.test(image)) return image;
  const name = familiar(image);
  if (DIGEST.test(name)) return name;
  return repositoryOf(name) === name ? `${name}:latest` : name;
}

/** imageWithDigestString: the tagged image pinned to the registry's digest (an already digested one stays). */
export function pinnedImage(image: string, digest: string): string {
  const tagged = taggedImage(image);
  if (!digest || DIGEST.test(tagged) || IMAGE_ID.test(tagged)) return tagged;
  return `${tagged}@${digest}`;
}

/** The warning moby's client gives when the registry could not be asked (an image only on the nodes, say). */
export function digestWarning(image: string): string {
  return `image ${image} could not be accessed on a registry to record its digest. Each node will access ${image} independently, possibly leading to different nodes running different versions of the image.`;
}
