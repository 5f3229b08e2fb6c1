import knexFactory, { Knex } from 'knex';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A database of the benchmark's own: where it lives, a client, and how to remove it. */
export interface BenchDatabase {
  knex: Knex;
  /** What a child process needs to connect: a PostgreSQL URL or `sqlite:<file>`. */
  location: string;
  drop: () => Promise<void>;
}

/** A knex client for a location as `BenchDatabase.location` gives it. */
export function connect(location: string, poolMax = 10): Knex {
  if (location.startsWith('sqlite:')) {
    return knexFactory({
      client: 'better-sqlite3',
      connection: { filename: location.slice('sqlite:'.length) },
      useNullAsDefault: true,
    });
  }
  return knexFactory({
    client: 'pg',
    connection: location,
    pool: { min: 0, max: poolMax },
  });
}

/**
 * A fresh PostgreSQL database (`cs_bench_<ms>`) on the server of
 * BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING, or reuses one an earlier run kept. Only
 * databases named by this benchmark are ever reused or dropped.
 */
export async function createPostgresDatabase(
  options: { reuse?: string; keep?: boolean } = {},
): Promise<BenchDatabase> {
  const connection =
    process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
  if (!connection) {
    throw new Error(
      'Set BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING (source scripts/ensure-postgres.sh)',
    );
  }
  const name = options.reuse ?? `cs_bench_${Date.now()}`;
  if (!/^cs_bench_\d+$/.test(name)) {
    throw new Error(`${name} is not a database this benchmark made`);
  }
  const admin = knexFactory({ client: 'pg', connection });
  if (!options.reuse) await admin.raw(`create database ${name}`);
  const url = new URL(connection);
  url.pathname = `/${name}`;
  const knex = connect(url.toString());
  return {
    knex,
    location: url.toString(),
    drop: async () => {
      await knex.destroy();
      if (options.keep || options.reuse) {
        console.log(`  database kept: --reuse-database ${name}`);
      } else {
        await admin.raw(`drop database if exists ${name}`);
      }
      await admin.destroy();
    },
  };
}

/** A SQLite file in a temporary folder of its own, removed afterwards. */
export async function createSqliteDatabase(): Promise<BenchDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'cs-bench-'));
  const location = `sqlite:${join(dir, 'scorecard.sqlite')}`;
  const knex = connect(location);
  return {
    knex,
    location,
    drop: async () => {
      await knex.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
