import type { z as zod } from 'zod/v3';

/** The zod the actions registry hands to schema builders. */
export type Zod = typeof zod;

// Output schemas are also what the registry strips answers down to: a field missing here never
// reaches an assistant, so each lists exactly what an answer should carry.

export const severitySchema = (z: Zod) =>
  z.enum(['critical', 'high', 'medium', 'low', 'info']);

export const gradeSchema = (z: Zod) => z.enum(['A', 'B', 'C', 'D', 'F']);

export const statusSchema = (z: Zod) =>
  z.enum(['analysed', 'no-definitions', 'could-not-analyse', 'not-scanned']);

export const countsSchema = (z: Zod) =>
  z.object({
    critical: z.number(),
    high: z.number(),
    medium: z.number(),
    low: z.number(),
    info: z.number(),
  });

/** A finding as an assistant needs it: what, where, how bad, how much it costs. */
export const findingSchema = (z: Zod) =>
  z.object({
    ruleId: z.string(),
    severity: severitySchema(z),
    message: z.string(),
    path: z.string(),
    line: z.number(),
    penalty: z.number().optional(),
    waived: z.boolean().optional(),
  });

export const serviceSummarySchema = (z: Zod) =>
  z.object({
    entityRef: z.string(),
    title: z.string().optional(),
    owner: z.string(),
    status: statusSchema(z),
    score: z.number().optional(),
    grade: gradeSchema(z).optional(),
    trend: z.number().optional(),
    worstRule: z
      .object({
        ruleId: z.string(),
        severity: severitySchema(z),
        count: z.number(),
      })
      .optional(),
    counts: countsSchema(z),
  });

/** How the caller names an entity: `kind:namespace/name`, or a component's `name`. */
export const entityRefInput = (z: Zod) =>
  z
    .string()
    .min(1)
    .describe(
      'Entity reference, e.g. "component:default/checkout-api"; a bare name means a Component in the default namespace',
    );
