import { canMoveSynergy, SYNERGY_STATUSES, type CurrentUser } from '@synergies/shared';
import { computed, ref, shallowRef } from 'vue';
import {
  synergiesApi,
  type ExchangeRecord,
  type HandOverInput,
  type Synergy,
  type SynergyPartyView,
  type SynergyReasonView,
  type SynergyStatusName,
  type SynergyView,
} from '../api';
import { isApiError, type ApiError } from '../api/client';
import { useAction } from './action';
import { isVersionConflict } from './declarations';

/** The open road of a synergy, in order; "dropped" sits beside it. */
export const PIPELINE: readonly SynergyStatusName[] = ['proposed', 'under_discussion', 'in_study', 'implemented'];
export const OPEN_STATUSES: readonly SynergyStatusName[] = ['proposed', 'under_discussion', 'in_study'];

/** Where the synergy can go from its status, in pipeline order (dropped last). */
export function statusMoves(status: SynergyStatusName): SynergyStatusName[] {
  return SYNERGY_STATUSES.filter((to) => canMoveSynergy(status, to));
}

export function isOpen(s: Pick<Synergy, 'status'>): boolean {
  return OPEN_STATUSES.includes(s.status);
}

/** The party of the user's own firm, if any. */
export function ownParty(s: Pick<Synergy, 'parties'>, user: Pick<CurrentUser, 'organisationId'> | null): SynergyPartyView | null {
  if (!user?.organisationId) return null;
  return s.parties.find((p) => p.organisationId === user.organisationId) ?? null;
}

/** The explanation sentence in the interface language (the French one when English is empty). */
export function explanation(s: Pick<Synergy, 'explanationFr' | 'explanationEn'>, locale: string): string {
  return (locale === 'en' ? s.explanationEn || s.explanationFr : s.explanationFr || s.explanationEn).trim();
}

/** Whether everyone said yes: contact details are shared from then on. */
export function allAccepted(s: Pick<Synergy, 'parties'>): boolean {
  return s.parties.length > 0 && s.parties.every((p) => p.accepted);
}

export interface SynergyPermissions {
  /** A member of a party answers for the firm (facilitators cannot). */
  answer: boolean;
  /** Facilitators of the zone, admins and members of a party move the pipeline. */
  move: boolean;
  /** The giver of a marketplace exchange reserves the item and records the hand-over. */
  give: boolean;
  message: boolean;
}

export function permissions(s: Synergy, user: CurrentUser | null, facilitates: (zoneId: string) => boolean): SynergyPermissions {
  const own = ownParty(s, user);
  const open = isOpen(s);
  const isMember = user?.role === 'member';
  return {
    answer: open && isMember && own !== null,
    move: (facilitates(s.zoneId) || own !== null) && statusMoves(s.status).length > 0,
    give: open && isMember && own?.role === 'giver' && s.origin === 'marketplace' && s.parties.some((p) => p.role === 'taker'),
    message: facilitates(s.zoneId) || own !== null,
  };
}

/** i18n key and parameters of a reason, for a readable list ("Même code déchet 15 01 03"). */
export function reasonMessage(
  reason: SynergyReasonView,
  categoryLabel: (code: string) => string,
  formatKm: (km: number) => string,
  locale = 'fr',
): { key: string; params: Record<string, string | number> } {
  const p = reason.params;
  const str = (k: string) => (typeof p[k] === 'string' || typeof p[k] === 'number' ? String(p[k]) : '');
  const num = (k: string) => (typeof p[k] === 'number' ? (p[k] as number) : Number(p[k] ?? 0) || 0);
  switch (reason.code) {
    case 'same_waste_code':
      return { key: 'synergy.reasons.same_waste_code', params: { code: str('offerCode') || str('needCode') } };
    case 'related_waste_code':
      return { key: 'synergy.reasons.related_waste_code', params: { codes: [str('offerCode'), str('needCode')].filter(Boolean).join(' / ') } };
    case 'same_category':
      return { key: 'synergy.reasons.same_category', params: { category: categoryLabel(str('offerCategory') || str('needCategory')) } };
    case 'related_category':
      return { key: 'synergy.reasons.related_category', params: { a: categoryLabel(str('offerCategory')), b: categoryLabel(str('needCategory')) } };
    case 'distance':
      return { key: p.spread ? 'synergy.reasons.distance_spread' : 'synergy.reasons.distance', params: { km: formatKm(num('km')) } };
    case 'documented_case':
      return { key: 'synergy.reasons.documented_case', params: { count: num('count'), nace: str('receiverNace') } };
    case 'sector_evidence':
      // The engine words public knowledge in both languages; the locale picks its own.
      return {
        key: p.near ? 'matchingEvidence.near' : 'matchingEvidence.reason',
        params: { text: str(locale === 'en' ? 'textEn' : 'textFr'), source: str('source'), sector: str('sector') },
      };
    case 'group_size':
      return { key: 'synergy.reasons.group_size', params: { count: num('count') } };
    case 'quantity_fit':
    case 'quantity_mismatch':
    case 'quantity_total':
    case 'availability_overlap':
    case 'no_availability_overlap':
    case 'reciprocity':
    case 'hazard_mismatch':
    case 'text_match':
      return { key: `synergy.reasons.${reason.code}`, params: {} };
    default:
      return { key: 'synergy.reasons.other', params: { code: reason.code } };
  }
}

/** A reason's share of the score, signed: caveats count against. */
export function reasonContribution(reason: SynergyReasonView): number {
  return reason.weight * reason.value;
}

/** Reasons worth showing, strongest first; caveats last. */
export function sortedReasons(reasons: readonly SynergyReasonView[]): SynergyReasonView[] {
  return [...reasons].sort((a, b) => {
    const ca = reasonContribution(a);
    const cb = reasonContribution(b);
    if (ca < 0 !== cb < 0) return ca < 0 ? 1 : -1;
    return Math.abs(cb) - Math.abs(ca);
  });
}

/** Has the offered item been reserved already (the history says so)? */
export function wasReserved(s: SynergyView): boolean {
  return s.history.some((h) => h.type === 'reserved');
}

/**
 * One synergy being looked at and acted on. Every change answers the fresh synergy; a
 * stale version (409 version_conflict) sets `conflict` so the page can offer to reload.
 */
export function useSynergy(id: () => string) {
  const synergy = shallowRef<SynergyView | null>(null);
  const loading = ref(false);
  const loadError = ref<unknown>(null);
  /** The action in flight ('accept', 'move:in_study', …), to mark its button busy. */
  const busy = ref<string | null>(null);
  const { error: actionError, run } = useAction((fn: () => Promise<unknown>) => fn());
  const conflict = computed(() => isVersionConflict(actionError.value));

  async function load() {
    loading.value = true;
    loadError.value = null;
    try {
      synergy.value = await synergiesApi.get(id());
      actionError.value = null;
    } catch (e) {
      loadError.value = e;
    } finally {
      loading.value = false;
    }
  }

  /** Runs one action; keeps the answer as the current synergy when it is one. */
  async function act<T>(name: string, fn: (s: SynergyView) => Promise<T>): Promise<T | null> {
    const current = synergy.value;
    if (!current || busy.value) return null;
    busy.value = name;
    const result = await run(() => fn(current));
    busy.value = null;
    return actionError.value ? null : (result as T);
  }

  const keep = (next: SynergyView) => {
    synergy.value = next;
    return next;
  };

  const answer = (value: 'accept' | 'decline', reason?: string) => act(value, async (s) => keep(await synergiesApi.answer(s.id, value, reason)));
  const move = (
    status: SynergyStatusName,
    extra: { reason?: string; override?: string; impact?: { quantity: number; unit: HandOverInput['unit']; perYear: boolean } } = {},
  ) => act(`move:${status}`, async (s) => keep(await synergiesApi.move(s.id, { version: s.version, status, ...extra })));
  const message = (body: string) => act('message', async (s) => keep(await synergiesApi.message(s.id, body)));
  const validate = () =>
    act('validate', async (s) => {
      await synergiesApi.validate([s.id]);
      return keep(await synergiesApi.get(s.id));
    });
  const reserve = () => act('reserve', async (s) => keep(await synergiesApi.reserve(s.id)));
  const handOver = (input: HandOverInput) =>
    act('handover', async (s): Promise<ExchangeRecord> => {
      const exchange = await synergiesApi.handOver(s.id, input);
      synergy.value = await synergiesApi.get(s.id).catch(() => s);
      return exchange;
    });

  return { synergy, loading, loadError, busy, actionError, conflict, load, answer, move, message, validate, reserve, handOver };
}

/** A request answered 409 already_requested: the marketplace request exists. */
export const isAlreadyRequested = (error: unknown): error is ApiError => isApiError(error) && error.status === 409 && error.code === 'already_requested';
