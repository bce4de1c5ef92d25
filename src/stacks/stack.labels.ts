/** The labels docker stack deploy puts on everything (cli/compose/convert): a stack is nothing more than the first. */
export const NAMESPACE_LABEL = 'com.docker.stack.namespace';
export const IMAGE_LABEL = 'com.docker.stack.image';

/** getStackFilter: the label filter that finds a stack's services, networks, secrets and configs. */
export function namespaceFilter(stack: string): { labels: string[] } {
  return { labels: [`${NAMESPACE_LABEL}=${stack}`] };
}
