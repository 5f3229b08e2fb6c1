import type { DatabaseService } from '@backstage/backend-plugin-api';
import type { ApiGrade } from '@container-scorecard/plugin-container-scorecard-common';
import { Knex } from 'knex';

const TABLE = 'container_scorecard_notification_state';

/** What an entity's owners were last notified against. */
export interface NotificationState {
  grade: ApiGrade;
  score: number;
  /** Fingerprints of the unwaived critical and high findings. */
  findings: string[];
  updatedAt: Date;
}

/**
 * `container_scorecard_notification_state`: per entity, the result its owners were last told
 * about. The table comes with the plugin's migrations, which `ScorecardStore.create` runs.
 */
export class NotificationStateStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<NotificationStateStore> {
    return new NotificationStateStore(await options.database.getClient());
  }

  /** Test seam: wraps an already-migrated client. */
  static fromClient(client: Knex): NotificationStateStore {
    return new NotificationStateStore(client);
  }

  private constructor(private readonly db: Knex) {}

  async get(entityRef: string): Promise<NotificationState | undefined> {
    const row = await this.db(TABLE).where({ entity_ref: entityRef }).first();
    if (!row) return undefined;
    return {
      grade: row.grade,
      score: Number(row.score),
      findings: JSON.parse(row.findings),
      updatedAt: new Date(Number(row.updated_at_ms)),
    };
  }

  /**
   * Records the state, unless a newer result already did (two scans of one entity finishing out
   * of order must not leave the older one as what the owners were told about).
   */
  async put(entityRef: string, state: NotificationState): Promise<void> {
    const row = {
      entity_ref: entityRef,
      grade: state.grade,
      score: state.score,
      findings: JSON.stringify(state.findings),
      updated_at_ms: state.updatedAt.getTime(),
    };
    await this.db(TABLE)
      .insert(row)
      .onConflict('entity_ref')
      .merge()
      .where(`${TABLE}.updated_at_ms`, '<=', row.updated_at_ms);
  }
}
