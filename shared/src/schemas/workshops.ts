import { z } from 'zod';
import { UNITS } from '../units';
import { Id } from './common';
import { CategoryCode, DeclarationKind } from './declarations';

/** The phases of a workshop, in order; a facilitator moves it explicitly and everyone is told. */
export const WORKSHOP_PHASES = ['setup', 'cards', 'board', 'requests', 'schedule', 'meeting_day', 'follow_up', 'closed'] as const;
export const WorkshopPhase = z.enum(WORKSHOP_PHASES);
export type WorkshopPhase = z.infer<typeof WorkshopPhase>;

/** What a caller may do in a workshop: run it, take part for their firm, or only watch (room screen). */
export const WorkshopRole = z.enum(['control', 'participant', 'display']);
export type WorkshopRole = z.infer<typeof WorkshopRole>;

const isoDate = z.iso.date();

export const WorkshopCreate = z.object({
  zoneId: Id,
  name: z.string().trim().min(3).max(160),
  date: isoDate,
  place: z.string().trim().max(300).default(''),
  agenda: z.string().max(4000).default(''),
  eventId: Id.nullable().default(null).describe('A business-meeting event of the zone to link'),
  organisationIds: z.array(Id).max(500).default([]).describe('Firms invited at once'),
});
export type WorkshopCreate = z.infer<typeof WorkshopCreate>;

export const WorkshopUpdate = z
  .object({
    version: z.number().int(),
    name: z.string().trim().min(3).max(160).optional(),
    date: isoDate.optional(),
    place: z.string().trim().max(300).optional(),
    agenda: z.string().max(4000).optional(),
    eventId: Id.nullable().optional(),
  })
  .refine((u) => Object.keys(u).length > 1, { message: 'Rien à modifier' });
export type WorkshopUpdate = z.infer<typeof WorkshopUpdate>;

export const WorkshopInvite = z.object({ organisationIds: z.array(Id).min(1).max(500) });
export const WorkshopPhaseChange = z.object({ phase: WorkshopPhase, version: z.number().int() });
export const WorkshopTimer = z.object({
  label: z.string().trim().max(80).default(''),
  minutes: z.number().int().min(1).max(240).nullable().describe('null stops the countdown'),
  version: z.number().int(),
});

export const WorkshopCounts = z.object({
  firms: z.number().int(),
  employees: z.number().int(),
  joined: z.number().int(),
  checkedIn: z.number().int(),
  cards: z.number().int(),
  haves: z.number().int(),
  needs: z.number().int(),
  leads: z.number().int(),
  validatedLeads: z.number().int(),
});
export type WorkshopCounts = z.infer<typeof WorkshopCounts>;

export const WorkshopFirm = z.object({
  organisationId: Id,
  name: z.string(),
  headcount: z.number().int().nullable(),
  joined: z.boolean(),
  checkedIn: z.boolean(),
  cards: z.number().int(),
  /** Facilitators only: the firm's join code (short link /a/<code>). */
  joinCode: z.string().nullable(),
});
export type WorkshopFirm = z.infer<typeof WorkshopFirm>;

export const Workshop = z
  .object({
    id: Id,
    zoneId: Id,
    name: z.string(),
    date: z.string(),
    place: z.string(),
    agenda: z.string(),
    phase: WorkshopPhase,
    eventId: Id.nullable(),
    eventStatus: z.string().nullable(),
    role: WorkshopRole,
    /** The caller's firm when they take part. */
    organisationId: Id.nullable(),
    timer: z.object({ label: z.string(), endsAt: z.iso.datetime() }).nullable(),
    counts: WorkshopCounts,
    firms: z.array(WorkshopFirm),
    /** Facilitators only: the entrance check-in code. */
    checkInCode: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'Workshop' });
export type Workshop = z.infer<typeof Workshop>;

export const WorkshopSummaryItem = Workshop.pick({ id: true, zoneId: true, name: true, date: true, place: true, phase: true, version: true });
export const WorkshopListQuery = z.object({ zoneId: Id.optional() });

export const CardCreate = z.object({
  organisationId: Id.optional().describe("Facilitators type cards for a firm; members' cards are their firm's"),
  kind: DeclarationKind,
  categoryCode: CategoryCode,
  words: z.string().trim().min(3).max(160),
  quantity: z.number().positive().max(1e9).nullable().default(null),
  unit: z.enum(UNITS).default('unit'),
});
export type CardCreate = z.infer<typeof CardCreate>;

export const Card = z
  .object({
    declarationId: Id,
    organisationId: Id,
    organisationName: z.string(),
    kind: DeclarationKind,
    categoryCode: z.string(),
    title: z.string(),
    quantity: z.number().nullable(),
    unit: z.string(),
    byFacilitator: z.boolean(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'WorkshopCard' });
export type Card = z.infer<typeof Card>;

export const Lead = z
  .object({
    id: Id,
    title: z.string(),
    kind: z.string(),
    status: z.string(),
    score: z.number().nullable(),
    /** The category family of the lead's declarations: the board's columns. */
    theme: z.string(),
    validated: z.boolean(),
    parties: z.array(z.object({ organisationId: Id, organisationName: z.string(), declarationTitle: z.string().nullable(), role: z.string() })),
    version: z.number().int(),
  })
  .meta({ id: 'WorkshopLead' });
export type Lead = z.infer<typeof Lead>;

export const LeadParams = z.object({ id: Id, leadId: Id });
export const LeadEdit = z.object({ version: z.number().int(), title: z.string().trim().min(3).max(200) });
export const LeadValidate = z.object({ version: z.number().int() });
export const LeadMerge = z.object({
  version: z.number().int().describe('Version of the duplicate, which is dropped'),
  intoId: Id,
  intoVersion: z.number().int(),
});

export const FirmDemand = z.object({
  organisationId: Id,
  name: z.string(),
  /** Meetings this firm asked for. */
  asked: z.number().int(),
  /** Meetings other firms asked this firm for. */
  askedBy: z.number().int(),
});
export type FirmDemand = z.infer<typeof FirmDemand>;

export const DisplayTokenCreate = z.object({ label: z.string().trim().max(80).default('') });
export const DisplayToken = z.object({
  id: Id,
  label: z.string(),
  createdAt: z.iso.datetime(),
  revokedAt: z.iso.datetime().nullable(),
  /** Only in the creation response: the secret is not stored. */
  token: z.string().optional(),
  url: z.string().optional(),
});
export const DisplayTokenParams = z.object({ id: Id, tokenId: Id });

export const CheckIn = z.object({
  code: z.string().trim().min(4).max(64).optional().describe('The code of the entrance QR (participants)'),
  organisationId: Id.optional().describe('Facilitators check a firm in by hand'),
});
export const Attendance = z.object({
  kind: z.enum(['no_show', 'late_arrival']),
  organisationId: Id,
  arrivesAt: z.iso.datetime({ offset: true }).optional(),
});
export type Attendance = z.infer<typeof Attendance>;

export const JoinRequest = z.object({
  code: z.string().trim().min(4).max(64),
  displayName: z.string().trim().min(2).max(120).optional(),
  email: z.email().max(200).optional(),
});
export const JoinInfo = z.object({
  workshopId: Id,
  workshopName: z.string(),
  date: z.string(),
  place: z.string(),
  organisationName: z.string(),
  used: z.boolean(),
});
export const JoinResult = z.object({ workshopId: Id, organisationId: Id });
export const JoinCodeParams = z.object({ code: z.string().trim().min(4).max(64) });
export const QrQuery = z.object({ target: z.enum(['check-in', 'join']), organisationId: Id.optional() });

/** A round of meetings as the room screen shows it. */
export const RoomRound = z.object({
  slotId: z.string(),
  start: z.iso.datetime(),
  end: z.iso.datetime(),
  localStart: z.string(),
  localEnd: z.string(),
  meetings: z.array(z.object({ tableName: z.string(), organisations: z.array(z.string()) })),
});
export const RoomView = z
  .object({
    workshopId: Id,
    name: z.string(),
    place: z.string(),
    phase: WorkshopPhase,
    timer: z.object({ label: z.string(), endsAt: z.iso.datetime() }).nullable(),
    counts: WorkshopCounts,
    now: z.iso.datetime(),
    current: RoomRound.nullable(),
    next: RoomRound.nullable(),
    scheduleVersion: z.number().int().nullable(),
  })
  .meta({ id: 'WorkshopRoomView' });
export type RoomView = z.infer<typeof RoomView>;

export const WorkshopSummary = z
  .object({
    workshopId: Id,
    name: z.string(),
    date: z.string(),
    firms: z.number().int(),
    employees: z.number().int(),
    cards: z.number().int(),
    leads: z.number().int(),
    validatedLeads: z.number().int(),
    meetingsScheduled: z.number().int(),
    meetingsHeld: z.number().int(),
    meetingsNoShow: z.number().int(),
    synergiesStarted: z.number().int(),
  })
  .meta({ id: 'WorkshopSummary' });
export type WorkshopSummary = z.infer<typeof WorkshopSummary>;
