/**
 * The registry part of an image reference, as Docker reads it: docker.io unless the first part names a host — it has
 * a dot or a port, is `localhost`, or has capitals (which a repository name may not: `LOCALHOST/x` is a host).
 */
export function registryOf(reference: string): string {
  const first = reference.split('/')[0]!;
  const host = first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase();
  return reference.includes('/') && host ? first : 'docker.io';
}
