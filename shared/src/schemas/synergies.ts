import { z } from 'zod';
import { UNITS } from '../units';
import { FigureYear, Id } from './common';

export const SYNERGY_KINDS = ['substitution', 'mutualisation', 'sharing', 'potential_taker'] as const;
export const SYNERGY_STATUSES = ['proposed', 'under_discussion', 'in_study', 'implemented', 'dropped'] as const;
/** The pipeline's stages in order: a synergy "reached" a stage if its status or its history got there. */
export const PIPELINE_STAGES = ['proposed', 'under_discussion', 'in_study', 'implemented'] as const;
export const SYNERGY_ORIGINS = ['engine', 'facilitator', 'marketplace'] as const;
export type SynergyStatus = (typeof SYNERGY_STATUSES)[number];

/** The pipeline: forward steps, dropping with a reason at any open step, and reopening a dropped lead. */
const NEXT: Record<SynergyStatus, readonly SynergyStatus[]> = {
  proposed: ['under_discussion', 'in_study', 'implemented', 'dropped'],
  under_discussion: ['in_study', 'implemented', 'dropped'],
  in_study: ['under_discussion', 'implemented', 'dropped'],
  implemented: [],
  dropped: ['proposed', 'under_discussion'],
};

export function canMoveSynergy(from: SynergyStatus, to: SynergyStatus): boolean {
  return NEXT[from].includes(to);
}

export const SynergyReason = z.object({
  code: z.string(),
  weight: z.number(),
  value: z.number(),
  params: z.record(z.string(), z.unknown()),
});

export const SynergyParty = z.object({
  organisationId: Id,
  organisationName: z.string(),
  declarationId: Id.nullable(),
  declarationTitle: z.string().nullable(),
  role: z.enum(['giver', 'taker', 'member']),
  accepted: z.boolean(),
  declined: z.boolean(),
  /** Contact details appear once every party has accepted. */
  contact: z
    .object({ email: z.string().nullable(), phone: z.string().nullable(), people: z.array(z.object({ name: z.string(), email: z.string() })) })
    .nullable(),
});

export const SynergyImpact = z.object({
  quantity: z.number(),
  unit: z.enum(UNITS),
  perYear: z.boolean(),
  year: z.number().int(),
  tonnes: z.number(),
  eurosSaved: z.number(),
  co2eKg: z.number(),
  kmAvoided: z.number(),
  factorCode: z.string(),
});

export const Synergy = z
  .object({
    id: Id,
    zoneId: Id,
    kind: z.enum(SYNERGY_KINDS),
    origin: z.enum(SYNERGY_ORIGINS),
    status: z.enum(SYNERGY_STATUSES),
    title: z.string(),
    score: z.number().nullable(),
    reasons: z.array(SynergyReason),
    explanationFr: z.string(),
    explanationEn: z.string(),
    dropReason: z.string().nullable(),
    validated: z.boolean(),
    parties: z.array(SynergyParty),
    impact: SynergyImpact.nullable(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Synergy' });
export type Synergy = z.infer<typeof Synergy>;

export const SynergyEvent = z.object({
  type: z.string(),
  fromStatus: z.enum(SYNERGY_STATUSES).nullable(),
  toStatus: z.enum(SYNERGY_STATUSES).nullable(),
  userName: z.string().nullable(),
  organisationName: z.string().nullable(),
  note: z.string().nullable(),
  at: z.iso.datetime(),
});

export const SynergyMessage = z.object({
  id: Id,
  authorName: z.string(),
  organisationName: z.string().nullable(),
  body: z.string(),
  createdAt: z.iso.datetime(),
});

export const SynergyDetail = Synergy.extend({
  history: z.array(SynergyEvent),
  messages: z.array(SynergyMessage),
  exchangeId: Id.nullable().describe('The exchange record of a marketplace hand-over, once there is one'),
});

export const SynergyListQuery = z.object({
  zoneId: Id.optional(),
  organisationId: Id.optional(),
  kind: z.enum(SYNERGY_KINDS).optional(),
  status: z.enum(SYNERGY_STATUSES).optional(),
  categoryCode: z.string().max(80).optional(),
  minScore: z.coerce.number().min(0).max(1).optional(),
  year: FigureYear.optional().describe('Proposed in this calendar year (Europe/Paris), as the dashboards count'),
  reached: z.enum(PIPELINE_STAGES).optional().describe('Reached this stage, now or in its history, as the dashboard funnel counts'),
  impactYear: FigureYear.optional().describe('Implemented, with impacts counted in this year, as the dashboard impacts count'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export const SynergyMove = z.object({
  version: z.number().int(),
  status: z.enum(SYNERGY_STATUSES),
  reason: z.string().trim().min(3).max(1000).optional().describe('Required to drop'),
  override: z
    .string()
    .trim()
    .min(10, 'Au moins 10 caractères')
    .max(1000)
    .optional()
    .describe('A facilitator moving to study or implementation before every firm accepted writes why (kept in the history)'),
  impact: z
    .object({ quantity: z.number().positive().max(1e12), unit: z.enum(UNITS), perYear: z.boolean().default(true) })
    .optional()
    .describe('Real quantities, required to mark implemented'),
});

export const SynergyAnswer = z.object({ answer: z.enum(['accept', 'decline']), reason: z.string().trim().max(1000).optional() });
export const SynergyMessageBody = z.object({ body: z.string().trim().min(1).max(4000) });
export const BulkValidate = z.object({ ids: z.array(Id).min(1).max(500) });

export const SynergyCreate = z.object({
  kind: z.enum(SYNERGY_KINDS),
  title: z.string().trim().min(3).max(200),
  declarationIds: z.array(Id).max(20).default([]),
  organisationIds: z.array(Id).min(1).max(20),
  note: z.string().trim().max(2000).optional(),
});

/** A member asks for an offer, or answers a need, from the marketplace. */
export const MarketplaceRequest = z.object({ message: z.string().trim().min(3).max(4000) });

export const HandOver = z.object({
  quantity: z.number().positive().max(1e12),
  unit: z.enum(UNITS),
  handedOverAt: z.iso.datetime().optional(),
});

export const Exchange = z.object({
  id: Id,
  synergyId: Id,
  giverName: z.string(),
  takerName: z.string(),
  description: z.string(),
  quantity: z.number(),
  unit: z.enum(UNITS),
  handedOverAt: z.iso.datetime(),
});

export const ImpactTotals = z.object({
  zoneId: Id,
  years: z.array(
    z.object({ year: z.number().int(), synergies: z.number().int(), tonnes: z.number(), eurosSaved: z.number(), co2eKg: z.number(), kmAvoided: z.number() }),
  ),
});

export const ImpactFactor = z.object({
  categoryCode: z.string(),
  co2eKgPerTonne: z.number().min(0),
  eurosPerTonne: z.number().min(0),
  kgPerUnit: z.number().positive(),
  referenceTripKm: z.number().min(0),
  tonnesPerTrip: z.number().positive(),
  source: z.string().min(3).max(500),
  version: z.number().int(),
});
export const ImpactFactorUpdate = ImpactFactor.omit({ categoryCode: true }).partial().extend({ version: z.number().int() });

export const MatchRunRequest = z.object({ zoneId: Id.nullable() });

export const MatchRun = z.object({
  id: Id,
  zoneId: Id.nullable(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  total: z.number().int(),
  done: z.number().int(),
  /** Proposals created by the run. */
  proposals: z.number().int(),
  /** Open proposals whose score or explanation the run refreshed, or that it proposed again. */
  updated: z.number().int(),
  /** Proposals retired: no longer made, or replaced by a larger group. */
  retired: z.number().int(),
  error: z.string().nullable(),
});

export const Notification = z.object({
  id: Id,
  synergyId: Id.nullable(),
  type: z.string(),
  text: z.string(),
  /** How many events the line stands for ("3 new suggestions today"). */
  count: z.number().int(),
  read: z.boolean(),
  createdAt: z.iso.datetime(),
});

export const NOTIFICATION_MODES = ['in_app', 'daily', 'weekly', 'none'] as const;
/** In the app only, with a daily or weekly email digest, or nothing at all. */
export const NotificationPreferences = z.object({ mode: z.enum(NOTIFICATION_MODES) }).meta({ id: 'NotificationPreferences' });
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;
