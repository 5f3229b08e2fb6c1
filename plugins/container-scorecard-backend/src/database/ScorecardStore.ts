import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@internal/plugin-container-scorecard-backend',
  'migrations',
);

/** Persistence for scans, results and history. */
export class ScorecardStore {
  /** Connects to the plugin's database and brings its schema up to date. */
  static async create(options: {
    database: DatabaseService;
  }): Promise<ScorecardStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new ScorecardStore(client);
  }

  /** Test seam: wraps an already-migrated client. */
  static fromClient(client: Knex): ScorecardStore {
    return new ScorecardStore(client);
  }

  private constructor(private readonly db: Knex) {}

  /** Round-trips to the database; throws when it cannot be reached. */
  async ping(): Promise<void> {
    await this.db.raw('select 1');
  }

  /** Names of the tables the migrations created, for schema checks. */
  async listTables(): Promise<string[]> {
    const candidates = ['container_scorecard_scans'];
    const present = await Promise.all(
      candidates.map(name => this.db.schema.hasTable(name)),
    );
    return candidates.filter((_, i) => present[i]);
  }
}
