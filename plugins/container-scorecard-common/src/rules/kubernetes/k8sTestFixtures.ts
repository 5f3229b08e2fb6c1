import { lines } from '../../testing';

/** A Deployment named "api" whose pod spec is `podSpecLines` (indented under `template.spec`). */
export function deployment(podSpecLines: string[]): string {
  return lines(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: api',
    'spec:',
    '  template:',
    '    spec:',
    ...podSpecLines.map(l => `      ${l}`),
  );
}

/** The line of `podSpecLines[index]` in `deployment(podSpecLines)`. */
export const podSpecLine = (index: number) => 8 + index;

/** A CronJob named "nightly" whose pod spec is `podSpecLines`. */
export function cronJob(podSpecLines: string[]): string {
  return lines(
    'apiVersion: batch/v1',
    'kind: CronJob',
    'metadata: { name: nightly }',
    'spec:',
    '  schedule: "0 3 * * *"',
    '  jobTemplate:',
    '    spec:',
    '      template:',
    '        spec:',
    ...podSpecLines.map(l => `          ${l}`),
  );
}

/** A bare Pod named "debug" whose spec is `podSpecLines`. */
export function pod(podSpecLines: string[]): string {
  return lines(
    'apiVersion: v1',
    'kind: Pod',
    'metadata: { name: debug }',
    'spec:',
    ...podSpecLines.map(l => `  ${l}`),
  );
}
