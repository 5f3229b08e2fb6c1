import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';

const ENTITIES = 'container_scorecard_entities';
const FILES = 'container_scorecard_files';
const FINDINGS = 'container_scorecard_findings';
const SNAPSHOTS = 'container_scorecard_snapshots';

/** Entities written per transaction: bounded work per statement, linear in the total. */
const ENTITIES_PER_BATCH = 1_000;
/** SQLite binds at most 32,766 values per statement; stay under it for any row width. */
const BOUND_VALUES_PER_INSERT = 30_000;
/** knex writes a SQLite multi-row insert as a compound SELECT, which SQLite caps at 500 terms. */
const ROWS_PER_INSERT = 400;

/** One stored result, as rows: what every clone of it copies. */
interface TemplateRows {
  entity: Record<string, unknown>;
  files: Record<string, unknown>[];
  findingsByFile: Map<string, Record<string, unknown>[]>;
}

async function readTemplate(knex: Knex, ref: string): Promise<TemplateRows> {
  const entity = await knex(ENTITIES).where({ entity_ref: ref }).first();
  if (!entity) throw new Error(`No stored result for the template ${ref}`);
  const files = await knex(FILES)
    .where({ entity_ref: ref })
    .orderBy('position');
  const findingsByFile = new Map<string, Record<string, unknown>[]>();
  for (const row of await knex(FINDINGS)
    .where({ entity_ref: ref })
    .orderBy('id')) {
    // A clone's findings get ids of their own, in the template's order.
    const { id: _id, ...finding } = row;
    const list = findingsByFile.get(row.file_id) ?? [];
    list.push(finding);
    findingsByFile.set(row.file_id, list);
  }
  return { entity, files, findingsByFile };
}

async function insertAll(
  tx: Knex.Transaction,
  table: string,
  rows: Record<string, unknown>[],
) {
  if (rows.length === 0) return;
  const perInsert = Math.max(
    1,
    Math.min(
      ROWS_PER_INSERT,
      Math.floor(BOUND_VALUES_PER_INSERT / Object.keys(rows[0]).length),
    ),
  );
  for (let i = 0; i < rows.length; i += perInsert) {
    await tx(table).insert(rows.slice(i, i + perInsert));
  }
}

/**
 * Stores results for `count` entities by cloning the stored results of real scans (`templates`,
 * entity `i` copying `templates[i % templates.length]`) with their files and findings, in
 * batches of 1,000 entities per transaction: linear in `count`, minutes for 100,000 on
 * PostgreSQL or SQLite. Entities already stored (the templates themselves) are left alone.
 */
export async function cloneStoredResults(
  knex: Knex,
  plan: {
    count: number;
    templates: string[];
    refOf: (i: number) => string;
    ownerOf: (i: number) => string;
    onBatch?: (done: number) => void;
  },
): Promise<{ entities: number; files: number; findings: number }> {
  const templates = await Promise.all(
    plan.templates.map(ref => readTemplate(knex, ref)),
  );
  const stored = new Set(plan.templates);
  const totals = { entities: 0, files: 0, findings: 0 };
  for (let start = 0; start < plan.count; start += ENTITIES_PER_BATCH) {
    const entities: Record<string, unknown>[] = [];
    const files: Record<string, unknown>[] = [];
    const findings: Record<string, unknown>[] = [];
    const end = Math.min(plan.count, start + ENTITIES_PER_BATCH);
    for (let i = start; i < end; i++) {
      const entityRef = plan.refOf(i);
      if (stored.has(entityRef)) continue;
      const template = templates[i % templates.length];
      entities.push({
        ...template.entity,
        entity_ref: entityRef,
        owner: plan.ownerOf(i),
      });
      for (const file of template.files) {
        const id = randomUUID();
        files.push({ ...file, id, entity_ref: entityRef });
        for (const finding of template.findingsByFile.get(String(file.id)) ??
          []) {
          findings.push({ ...finding, file_id: id, entity_ref: entityRef });
        }
      }
    }
    await knex.transaction(async tx => {
      await insertAll(tx, ENTITIES, entities);
      await insertAll(tx, FILES, files);
      await insertAll(tx, FINDINGS, findings);
    });
    totals.entities += entities.length;
    totals.files += files.length;
    totals.findings += findings.length;
    plan.onBatch?.(end);
  }
  return totals;
}

/** YYYY-MM-DD of `daysAgo` days before `now`, in UTC as the store's days are. */
function dayBefore(now: Date, daysAgo: number): string {
  return new Date(now.getTime() - daysAgo * 86_400_000)
    .toISOString()
    .slice(0, 10);
}

/**
 * Daily snapshots of every stored entity with a score for today and the `days` before, around its
 * current score, as that many days of scans leave them: one set-based statement per day (the
 * same SQL on PostgreSQL and SQLite), so the work is linear in entities × days.
 */
export async function writeHistory(
  knex: Knex,
  options: { days: number; now?: Date; onDay?: (done: number) => void },
): Promise<void> {
  const now = options.now ?? new Date();
  for (let d = 0; d <= options.days; d++) {
    const day = dayBefore(now, d);
    // A wobble of up to ±10 points that differs by day and a little by entity, so trends and
    // movers have something to find. Today's is the stored score itself.
    const wobble =
      d === 0 ? '0' : `(((${d} + length(e.entity_ref)) % 21) - 10)`;
    const moved = `e.score + ${wobble}`;
    await knex.raw(
      `insert into ${SNAPSHOTS} (entity_ref, day, owner, score, grade, pillar_scores,
         count_critical, count_high, count_medium, count_low, count_info, ruleset_version)
       select e.entity_ref, ?, e.owner,
         case when ${moved} < 0 then 0 when ${moved} > 100 then 100 else ${moved} end,
         e.grade, e.pillar_scores,
         e.count_critical, e.count_high, e.count_medium, e.count_low, e.count_info,
         e.ruleset_version
       from ${ENTITIES} e
       where e.score is not null and e.grade is not null and e.ruleset_version is not null
       on conflict (entity_ref, day) do nothing`,
      [day],
    );
    options.onDay?.(d + 1);
  }
}
