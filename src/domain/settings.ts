import { z } from 'zod';

/**
 * The business settings a company may tune. Defaults are the ones in the
 * product brief; the configuration loader may override any of them.
 */

const days = z.number().positive().max(3650);

export const strengthModelSchema = z.strictObject({
  weights: z.strictObject({
    visit: z.number().nonnegative().default(5),
    meeting: z.number().nonnegative().default(4),
    call: z.number().nonnegative().default(2),
    email: z.number().nonnegative().default(1),
    message: z.number().nonnegative().default(1),
    quoteIssued: z.number().nonnegative().default(3),
    quoteAccepted: z.number().nonnegative().default(8),
  }),
  /** Multiplier for interactions the client initiated. */
  reciprocity: z.number().positive().default(1.5),
  halfLifeDays: days.default(90),
  /** `score = round(100 * (1 - exp(-S / scale)))`. */
  scale: z.number().positive().default(10),
  bands: z.strictObject({
    strong: z.number().min(0).max(100).default(70),
    moderate: z.number().min(0).max(100).default(40),
  }),
  keyPerson: z.strictObject({
    /** One person holding more than this share of the company's total S. */
    dominantShare: z.number().min(0).max(1).default(0.8),
    /** Or only one person scoring at least this. */
    solePersonScore: z.number().min(0).max(100).default(40),
  }),
});

export const poolPolicySchema = z.strictObject({
  noInteractionDays: days.default(30),
  noAcceptedQuoteDays: days.default(90),
  warnDaysBefore: days.default(7),
  /** A previous owner cannot claim back a released client for this long. */
  claimBackCooldownDays: days.default(7),
});

export const domainSettingsSchema = z.strictObject({
  /** Largest number of clients one salesperson may hold. */
  holdingCap: z.number().int().positive().default(200),
  /** Interactions older than this are refused, except through a historical import. */
  interactionMaxAgeDays: days.default(14),
  /** How far in the future an occurredAt may be, to tolerate clock skew. */
  clockSkewSeconds: z.number().int().nonnegative().max(3600).default(300),
  handoverExpiryDays: days.default(14),
  pool: poolPolicySchema.prefault({}),
  strength: strengthModelSchema
    .extend({
      weights: strengthModelSchema.shape.weights.prefault({}),
      bands: strengthModelSchema.shape.bands.prefault({}),
      keyPerson: strengthModelSchema.shape.keyPerson.prefault({}),
    })
    .prefault({}),
});

export type DomainSettings = z.infer<typeof domainSettingsSchema>;
export type StrengthModel = DomainSettings['strength'];
export type PoolPolicy = DomainSettings['pool'];

export const defaultDomainSettings: DomainSettings = domainSettingsSchema.parse({});
