import type { PillarId } from './types';

/**
 * Presentation metadata of a pillar.
 *
 * @public
 */
export interface PillarInfo {
  id: PillarId;
  title: string;
  summary: string;
}

/**
 * The eight pillars, in the order PRODUCT.md lists them. Ids are stable: results are stored by id.
 *
 * @public
 */
export const PILLARS: readonly PillarInfo[] = [
  {
    id: 'one-concern',
    title: 'One concern per container',
    summary:
      'A container runs one process: no supervisors, daemons or bundled databases.',
  },
  {
    id: 'immutable',
    title: 'Immutable, reproducible images',
    summary: 'Pinned bases and packages; rebuild rather than patch.',
  },
  {
    id: 'config-outside',
    title: 'Configuration and secrets from outside',
    summary:
      'One image for every environment; settings and secrets injected at run time.',
  },
  {
    id: 'state-outside',
    title: 'State lives outside',
    summary: 'Data in volumes or external stores, logs to stdout/stderr.',
  },
  {
    id: 'least-privilege',
    title: 'Least privilege',
    summary:
      'Non-root, no privileged mode, no host namespaces, fewer capabilities.',
  },
  {
    id: 'minimal',
    title: 'Minimal footprint',
    summary:
      'Small bases, multi-stage builds, nothing the process does not need.',
  },
  {
    id: 'lifecycle',
    title: 'Process lifecycle and operability',
    summary:
      'PID 1 receives signals, health is observable, resources are bounded.',
  },
  {
    id: 'simplicity',
    title: 'Simplicity',
    summary: 'A Dockerfile is a recipe, not a provisioning script.',
  },
];

/** Every pillar id, in display order. @public */
export const PILLAR_IDS: readonly PillarId[] = PILLARS.map(p => p.id);
