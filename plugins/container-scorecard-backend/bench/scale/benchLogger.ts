import { LoggerService } from '@backstage/backend-plugin-api';

/** Warnings and errors only: a benchmark's output is its figures. */
export const quietLogger: LoggerService = {
  info: () => {},
  debug: () => {},
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
  child: () => quietLogger,
};

/** The value at percentile `p` of ascending `sorted` (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
}

/** PASS or MISS, for a target line. */
export function verdict(met: boolean): string {
  return met ? 'PASS' : 'MISS';
}
