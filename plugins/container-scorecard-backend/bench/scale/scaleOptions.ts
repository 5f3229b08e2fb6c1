/** The phases bench:scale can run, in the order it runs them. */
export const PHASES = ['scan', 'readers', '100k', 'replicas', 'push'] as const;
export type Phase = (typeof PHASES)[number];

/** Everything bench:scale can be told, with the sizes as defaults. */
export interface ScaleOptions {
  phases: Set<Phase>;
  database: 'postgres' | 'sqlite';
  /** Entities of the scan and readers phases. */
  entities: number;
  historyDays: number;
  /** Concurrent clients of the readers phase, one window per count. */
  clients: number[];
  durationMs: number;
  /** Entities, history and clients of the large phase. */
  largeEntities: number;
  largeHistoryDays: number;
  largeClients: number[];
  replicaEntities: number;
  concurrency: number;
  /** The replicas phase's SCM round-trip, per request to the fake GitHub; 0 allowed. */
  scmLatencyMs: number;
  pushEntities: number;
  pushes: number;
  /** How the push phase's store gets its results first. */
  pushStart: 'seed' | 'scan';
  keepDatabase: boolean;
  reuseDatabase?: string;
}

const FULL = {
  entities: 10_000,
  historyDays: 365,
  clients: [20, 50],
  durationMs: 30_000,
  largeEntities: 100_000,
  largeHistoryDays: 30,
  largeClients: [1, 20],
  replicaEntities: 10_000,
  pushEntities: 10_000,
  pushes: 100,
};

/** A smoke run of every phase in a few minutes: the same code at toy sizes. */
const QUICK: typeof FULL = {
  entities: 300,
  historyDays: 30,
  clients: [2, 5],
  durationMs: 3_000,
  largeEntities: 2_000,
  largeHistoryDays: 7,
  largeClients: [2],
  replicaEntities: 40,
  pushEntities: 100,
  pushes: 10,
};

function numbers(value: string, flag: string): number[] {
  const list = value.split(',').map(Number);
  if (list.some(n => !Number.isInteger(n) || n < 1)) {
    throw new Error(`${flag} takes positive whole numbers, e.g. 20,50`);
  }
  return list;
}

/** Reads bench:scale's command line; unknown phases and malformed numbers are refused. */
export function readScaleOptions(args: string[]): ScaleOptions {
  const argument = (name: string) =>
    args.includes(name) ? args[args.indexOf(name) + 1] : undefined;
  const count = (name: string, fallback: number) => {
    const value = argument(name);
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) {
      throw new Error(`${name} takes a positive whole number, not ${value}`);
    }
    return n;
  };
  const base = args.includes('--quick') ? QUICK : FULL;
  const scmLatency = argument('--scm-latency-ms') ?? '100';
  if (!/^\d+$/.test(scmLatency)) {
    throw new Error(
      `--scm-latency-ms takes a whole number of milliseconds, 0 or more, not ${scmLatency}`,
    );
  }
  const phases = (argument('--phases') ?? PHASES.join(',')).split(',');
  for (const phase of phases) {
    if (!(PHASES as readonly string[]).includes(phase)) {
      throw new Error(`Unknown phase ${phase}; phases: ${PHASES.join(', ')}`);
    }
  }
  const pushStart = argument('--push-start') ?? 'seed';
  if (pushStart !== 'seed' && pushStart !== 'scan') {
    throw new Error('--push-start is seed or scan');
  }
  const database = argument('--database') ?? 'postgres';
  if (database !== 'postgres' && database !== 'sqlite') {
    throw new Error('--database is postgres or sqlite');
  }
  return {
    phases: new Set(phases as Phase[]),
    database,
    entities: count('--entities', base.entities),
    historyDays: count('--history-days', base.historyDays),
    clients: argument('--clients')
      ? numbers(argument('--clients')!, '--clients')
      : base.clients,
    durationMs: count('--duration', base.durationMs / 1000) * 1000,
    largeEntities: count('--large-entities', base.largeEntities),
    largeHistoryDays: count('--large-history-days', base.largeHistoryDays),
    largeClients: argument('--large-clients')
      ? numbers(argument('--large-clients')!, '--large-clients')
      : base.largeClients,
    replicaEntities: count('--replica-entities', base.replicaEntities),
    concurrency: count('--concurrency', 4),
    scmLatencyMs: Number(scmLatency),
    pushEntities: count('--push-entities', base.pushEntities),
    pushes: count('--pushes', base.pushes),
    pushStart,
    keepDatabase: args.includes('--keep-database'),
    reuseDatabase: argument('--reuse-database'),
  };
}
