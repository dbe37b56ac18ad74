import type { ErrorCode } from '@synergies/shared';
import { WORKSHOP_PHASES, type MeetingEventStatus, type WorkshopPhase } from '@synergies/shared';

const order = (p: WorkshopPhase) => WORKSHOP_PHASES.indexOf(p);

/** Phases that work on the linked business-meeting event. */
const NEEDS_EVENT: readonly WorkshopPhase[] = ['requests', 'schedule', 'meeting_day', 'follow_up'];
/** Phases after the agendas went out. */
const NEEDS_PUBLISHED: readonly WorkshopPhase[] = ['meeting_day', 'follow_up'];

export interface PhaseIssue {
  code: ErrorCode;
  message: string;
}

/** Why a workshop cannot go from `from` to `to` (null: it can). Any phase may be reached, in either direction. */
export function phaseIssue(from: WorkshopPhase, to: WorkshopPhase, event: { status: MeetingEventStatus } | null): PhaseIssue | null {
  if (from === to) return { code: 'phase_unchanged', message: "L'atelier est déjà dans cette phase." };
  if (NEEDS_EVENT.includes(to) && !event) return { code: 'event_required', message: "Reliez d'abord un événement de rendez-vous d'affaires à l'atelier." };
  if (to === 'requests' && event?.status === 'published')
    return { code: 'event_published', message: 'Le planning est publié : les demandes ne peuvent plus rouvrir.' };
  if (NEEDS_PUBLISHED.includes(to) && event?.status !== 'published')
    return { code: 'schedule_not_published', message: "Publiez d'abord le planning des rendez-vous." };
  return null;
}

/**
 * What the linked event's status becomes: requests are open exactly while the workshop is in its
 * requests phase; leaving it forwards closes them (schedule), backwards returns to the draft.
 */
export function eventStatusFor(from: WorkshopPhase, to: WorkshopPhase, current: MeetingEventStatus): MeetingEventStatus | null {
  if (current === 'published') return null;
  if (to === 'requests') return current === 'requests_open' ? null : 'requests_open';
  if (current !== 'requests_open') return null;
  return order(to) > order(from) ? 'scheduled' : 'draft';
}

/** Participants write cards while cards are collected and on the live board; facilitators until the end. */
export function cardsOpen(phase: WorkshopPhase, control: boolean): boolean {
  if (control) return phase !== 'closed';
  return phase === 'cards' || phase === 'board';
}
