import type {
  EntityImages,
  Finding,
  ImageResult,
  SeverityCounts,
} from '@container-scorecard/plugin-container-scorecard-common';
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import {
  SEVERITY_ORDER,
  chunk,
  countColumns,
  countsOfRow,
  optionalNumber,
  optionalString,
  parseJson,
  toIso,
} from './rowMapping';

const IMAGES = 'container_scorecard_images';
const ENTITIES = 'container_scorecard_entities';

const NO_COUNTS: SeverityCounts = {
  critical: 0,
  high: 0,
  medium: 0,
  low: 0,
  info: 0,
};

/** The images of one entity's fresh result, as the scan hands them to the store. */
export interface EntityImagesInput {
  inspectedAt: Date;
  results: readonly ImageResult[];
  notInspected: readonly { reference: string; reason: string }[];
}

/**
 * Replaces the entity's image rows, inside the transaction that replaces its result. The digest
 * each reference last resolved to is carried over a failed or skipped inspection: a registry
 * that was down for one scan must not hide a tag that moved meanwhile.
 */
export async function replaceEntityImages(
  tx: Knex.Transaction,
  entityRef: string,
  images: EntityImagesInput,
  options: { adjustEntityCounts?: boolean } = {},
): Promise<void> {
  const known = await lastDigestsIn(tx, entityRef);
  const before = options.adjustEntityCounts
    ? await imageCountsIn(tx, entityRef)
    : undefined;
  await tx(IMAGES).where({ entity_ref: entityRef }).delete();
  const common = (reference: string, position: number) => ({
    id: randomUUID(),
    entity_ref: entityRef,
    position,
    reference,
    inspected_at: images.inspectedAt,
  });
  const rows = [
    ...images.results.map((result, position) => ({
      ...common(result.reference, position),
      used_by: JSON.stringify(result.usedBy),
      status: result.status,
      reason: result.reason ?? null,
      digest: result.digest ?? null,
      last_digest: result.digest ?? known.get(result.reference) ?? null,
      platforms: result.platforms ? JSON.stringify(result.platforms) : null,
      created: result.created ?? null,
      compressed_size: result.compressedSize ?? null,
      layer_count: result.layerCount ?? null,
      config_user: result.user ?? null,
      signed: result.signed ?? null,
      score: result.score ?? null,
      pillar_scores: result.pillarScores
        ? JSON.stringify(result.pillarScores)
        : null,
      findings: JSON.stringify(result.findings),
      counts: JSON.stringify(result.counts),
    })),
    ...images.notInspected.map((skipped, index) => ({
      ...common(skipped.reference, images.results.length + index),
      used_by: '[]',
      status: 'not-inspected',
      reason: skipped.reason,
      last_digest: known.get(skipped.reference) ?? null,
      findings: '[]',
      counts: JSON.stringify(NO_COUNTS),
    })),
  ];
  for (const part of chunk(rows, 200)) await tx(IMAGES).insert(part);
  const counts =
    before && (await entityCountsAfter(tx, entityRef, before, images));
  await tx(ENTITIES)
    .where({ entity_ref: entityRef })
    .update({ images_inspected_at: images.inspectedAt, ...counts });
}

/** The image findings per severity the entity's stored image rows hold. */
async function imageCountsIn(
  tx: Knex.Transaction,
  entityRef: string,
): Promise<SeverityCounts> {
  const rows = await tx(IMAGES)
    .where({ entity_ref: entityRef, status: 'inspected' })
    .select('counts');
  return sumCounts(rows.map(row => parseJson<SeverityCounts>(row.counts)));
}

/**
 * The entity's count columns with the old images' findings taken out and the new ones'
 * added: the definitions' part of the counts stays as the last read of the repository left it.
 */
async function entityCountsAfter(
  tx: Knex.Transaction,
  entityRef: string,
  before: SeverityCounts,
  images: EntityImagesInput,
): Promise<Record<string, number> | undefined> {
  const row = await tx(ENTITIES).where({ entity_ref: entityRef }).first();
  if (!row) return undefined;
  const current = countsOfRow(row);
  const after = sumCounts(images.results.map(result => result.counts));
  return countColumns(
    Object.fromEntries(
      SEVERITY_ORDER.map(severity => [
        severity,
        Math.max(0, current[severity] - before[severity] + after[severity]),
      ]),
    ) as SeverityCounts,
  );
}

function sumCounts(
  all: readonly (SeverityCounts | undefined)[],
): SeverityCounts {
  const total = { ...NO_COUNTS };
  for (const counts of all) {
    for (const severity of SEVERITY_ORDER) {
      total[severity] += counts?.[severity] ?? 0;
    }
  }
  return total;
}

async function lastDigestsIn(
  db: Knex,
  entityRef: string,
): Promise<Map<string, string>> {
  const rows = await db(IMAGES)
    .where({ entity_ref: entityRef })
    .whereNotNull('last_digest')
    .select('reference', 'last_digest');
  return new Map(rows.map(row => [row.reference, row.last_digest]));
}

/** Reads the stored image results. */
export class ImageQueries {
  constructor(private readonly db: Knex) {}

  /** Digest per reference at the entity's latest inspection that read it (for image-tag-moved). */
  lastDigestsOf(entityRef: string): Promise<Map<string, string>> {
    return lastDigestsIn(this.db, entityRef);
  }

  /** Every finding of the inspected images of `entityRefs` (see `listImageFindings`). */
  findingsOf(entityRefs: readonly string[]): Promise<StoredImageFinding[]> {
    return listImageFindings(this.db, entityRefs);
  }

  /**
   * The images of the entity's stored result, or undefined when they were never inspected
   * (image inspection off, or the result predates it).
   */
  async getEntityImages(entityRef: string): Promise<EntityImages | undefined> {
    const entity = await this.db(ENTITIES)
      .where({ entity_ref: entityRef })
      .first('images_inspected_at');
    const inspectedAt = toIso(entity?.images_inspected_at);
    if (!inspectedAt) return undefined;
    const rows = await this.db(IMAGES)
      .where({ entity_ref: entityRef })
      .orderBy('position');
    const images: EntityImages = { inspectedAt, results: [], notInspected: [] };
    for (const row of rows) {
      if (row.status === 'not-inspected') {
        images.notInspected.push({
          reference: row.reference,
          reason: row.reason ?? '',
        });
      } else {
        images.results.push(imageResultOfRow(row));
      }
    }
    return images;
  }
}

/** One finding of an entity's inspected image, as the reports list them. */
export interface StoredImageFinding {
  entityRef: string;
  reference: string;
  finding: Finding;
}

/**
 * Every finding of the inspected images of `entityRefs` (their latest results), per entity in
 * the order its images were found: what the failing-services report and the findings export
 * add to the definitions' findings. Images that could not be inspected have none.
 */
export async function listImageFindings(
  db: Knex,
  entityRefs: readonly string[],
): Promise<StoredImageFinding[]> {
  const out: StoredImageFinding[] = [];
  for (const part of chunk(entityRefs)) {
    const rows = await db(IMAGES)
      .whereIn('entity_ref', part)
      .where({ status: 'inspected' })
      .orderBy([{ column: 'entity_ref' }, { column: 'position' }])
      .select('entity_ref', 'reference', 'findings');
    for (const row of rows) {
      for (const finding of parseJson<Finding[]>(row.findings) ?? []) {
        out.push({
          entityRef: row.entity_ref,
          reference: row.reference,
          finding,
        });
      }
    }
  }
  return out;
}

function imageResultOfRow(row: Record<string, any>): ImageResult {
  const result: ImageResult = {
    reference: row.reference,
    usedBy: parseJson(row.used_by) ?? [],
    status: row.status,
    findings: parseJson(row.findings) ?? [],
    counts: parseJson(row.counts) ?? { ...NO_COUNTS },
  };
  const optional: Partial<ImageResult> = {
    reason: optionalString(row.reason),
    digest: optionalString(row.digest),
    platforms: parseJson(row.platforms),
    created: optionalString(row.created),
    compressedSize: optionalNumber(row.compressed_size),
    layerCount: optionalNumber(row.layer_count),
    user: optionalString(row.config_user),
    // SQLite answers booleans as 0/1.
    signed:
      row.signed === null || row.signed === undefined
        ? undefined
        : Boolean(row.signed),
    score: optionalNumber(row.score),
    pillarScores: parseJson(row.pillar_scores),
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) (result as any)[key] = value;
  }
  return result;
}
