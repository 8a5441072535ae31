/** The report's machine line: CPU, cores, Node, load, and what of the environment every start of Node pays for. */
import { availableParallelism, cpus } from 'node:os';

/**
 * What the environment makes every Node process do before any server code runs, each as a phrase
 * for the report: the cold starts include it, for our server and Prism alike. Node 20 reads
 * NODE_EXTRA_CA_CERTS, with its own root store, at start-up (an empty script: ~110 ms with it
 * against ~36 ms without on the 2-core box of the README's runs).
 */
export function startCosts(env: NodeJS.ProcessEnv): string[] {
  const costs: string[] = [];
  if (env.NODE_EXTRA_CA_CERTS)
    costs.push(
      'NODE_EXTRA_CA_CERTS is set: Node loads those certificates at every start, so every cold start includes it',
    );
  if (env.NODE_OPTIONS) costs.push(`NODE_OPTIONS is set (${env.NODE_OPTIONS}): every server runs with it`);
  return costs;
}

/** The machine line, with the load average at the start and now. */
export function machineLine(loadBefore: number, loadNow: number, env: NodeJS.ProcessEnv): string {
  const line = `${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, Node ${process.version}, load average ${loadBefore.toFixed(1)} at start and ${loadNow.toFixed(1)} at end`;
  return [line, ...startCosts(env)].join('; ');
}
