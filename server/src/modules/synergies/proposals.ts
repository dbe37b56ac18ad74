import { createHash } from 'node:crypto';
import { synergyTitle, type SynergyTitleParts } from '@synergies/shared';
import type { MatchDeclaration, Proposal } from '../../core/matching';
import { publishEvent, roomName } from '../../infra/realtime/event-store';
import * as repo from './proposal-repository';
import type { Sql } from './proposal-repository';

type Role = 'giver' | 'taker' | 'member';

interface Party {
  organisationId: string;
  declarationId: string | null;
  role: Role;
}

/** Who takes part in a proposal and as what, from its declarations. */
export function partiesOf(p: Proposal, declarations: Map<string, MatchDeclaration>): Party[] {
  const decls = p.declarationIds.map((id) => declarations.get(id)).filter((d): d is MatchDeclaration => d !== undefined);
  if (p.kind === 'mutualisation') {
    return decls.map((d) => ({ organisationId: d.organisationId, declarationId: d.id, role: 'member' as const }));
  }
  const parties: Party[] = decls.map((d) => ({ organisationId: d.organisationId, declarationId: d.id, role: d.kind === 'offer' ? 'giver' : 'taker' }));
  for (const org of p.organisationIds) {
    if (!parties.some((x) => x.organisationId === org)) parties.push({ organisationId: org, declarationId: null, role: 'taker' });
  }
  return parties;
}

/** What the proposal's title is made of (the reader's language is chosen when it is shown). */
export function proposalTitleParts(p: Proposal, declarations: Map<string, MatchDeclaration>, orgNames: Map<string, string>): SynergyTitleParts {
  const decls = p.declarationIds.map((id) => declarations.get(id)).filter((d): d is MatchDeclaration => d !== undefined);
  const offer = decls.find((d) => d.kind === 'offer');
  const need = decls.find((d) => d.kind === 'need');
  const name = (id: string | undefined) => (id ? (orgNames.get(id) ?? '') : '');
  switch (p.kind) {
    case 'mutualisation':
      return {
        template: 'pool',
        resource: decls[0]?.kind ?? 'need',
        categoryCode: decls[0]?.categoryCode ?? '',
        firms: new Set(decls.map((d) => d.organisationId)).size,
      };
    case 'potential_taker':
      return { template: 'potential_taker', offerTitle: offer?.title ?? '', takerName: name(p.organisationIds.find((o) => o !== offer?.organisationId)) };
    default:
      return { template: 'pair', offerTitle: offer?.title ?? '', takerName: name(need?.organisationId) };
  }
}

/** The French title (searched and sorted on) and what it is made of. */
const titled = (parts: SynergyTitleParts) => ({ title: synergyTitle(parts, 'fr'), title_parts: JSON.stringify(parts) });

/** Stored form of a proposal's identity: a mutualisation of many firms has a long key, the index wants a short one. */
export const storedKey = (key: string) => createHash('sha256').update(key).digest('base64url');

export const DECLINED = 'declined';
export const RETIRED = 'retired';
/** A suggestion the firm answered with a marketplace request: not proposed again. */
export const REQUESTED = 'requested';
/** A group replaced by a larger one; retired, so the engine may propose it again if the larger one goes. */
export const SUPERSEDED = 'superseded by';

/** What a save did: the figures a matching run reports. */
export interface SaveOutcome {
  created: number;
  updated: number;
  retired: number;
}

export const addOutcomes = (a: SaveOutcome, b: SaveOutcome): SaveOutcome => ({
  created: a.created + b.created,
  updated: a.updated + b.updated,
  retired: a.retired + b.retired,
});

/**
 * Writes the engine's proposals: new ones are inserted (and their firms notified),
 * open ones refreshed, declined ones kept declined unless their declarations changed
 * materially (fingerprint), an open group that a new one holds entirely grows into it
 * (keeping its history and answers) while other smaller groups it holds are replaced by it,
 * and engine proposals of `scope` that the engine no longer makes are retired.
 */
export async function saveProposals(
  sql: Sql,
  input: {
    proposals: Proposal[];
    declarations: Map<string, MatchDeclaration>;
    orgNames: Map<string, string>;
    /** Open engine proposals of this scope are retired when not proposed again (none: retire nothing). */
    retire?: { declarationIds: string[] } | { zoneId: string | null; keys: string[] };
    now: Date;
  },
): Promise<SaveOutcome> {
  const { proposals, declarations, orgNames, now } = input;
  const nowIso = now.toISOString();
  const keys = proposals.map((p) => storedKey(p.key));
  // The firms' members are read with the existing proposals, so that every write after the
  // insert of the new ones goes out in one pipelined batch.
  const partiesByProposal = new Map(proposals.map((p) => [p, partiesOf(p, declarations)]));
  const firms = [...new Set([...partiesByProposal.values()].flat().map((x) => x.organisationId))];
  const groups = proposals.filter((p) => p.kind === 'mutualisation' && declarations.has(p.declarationIds[0]!));
  const [existingRows, members, within] = await Promise.all([
    repo.proposalsByKey(sql, keys),
    repo.membersToNotify(sql, firms),
    repo.openGroupsWithin(
      sql,
      groups.map((p) => {
        const first = declarations.get(p.declarationIds[0]!)!;
        return { zoneId: first.zoneId, categoryCode: first.categoryCode, declarationIds: p.declarationIds };
      }),
    ),
  ]);
  const existing = new Map(existingRows.map((e) => [e.proposal_key, e]));
  const groupsWithin = new Map<Proposal, repo.GroupWithin[]>();
  for (const w of within) groupsWithin.set(groups[w.g]!, [...(groupsWithin.get(groups[w.g]!) ?? []), w]);

  const fresh: Proposal[] = [];
  const growing: Growth[] = [];
  const taken = new Set<string>();
  const refreshed: { id: string; p: Proposal }[] = [];
  let reproposed = 0;
  for (const p of proposals) {
    const e = existing.get(storedKey(p.key));
    const [old, ...merged] = (groupsWithin.get(p) ?? []).filter((w) => !taken.has(w.id));
    if (!e && old) {
      for (const w of [old, ...merged]) taken.add(w.id);
      growing.push({ p, old, merged });
    } else if (!e) fresh.push(p);
    else if (e.status === 'dropped' && e.drop_reason !== null && e.drop_reason.startsWith(DECLINED) && e.fingerprint === p.fingerprint) {
      // Declined and nothing material changed: stays declined.
    } else if (e.status === 'dropped' && (e.drop_reason?.startsWith(RETIRED) || e.drop_reason?.startsWith(DECLINED))) {
      await repo.repropose(sql, e.id, p, nowIso);
      reproposed++;
    } else if (e.status !== 'dropped') refreshed.push({ id: e.id, p });
  }

  // Set-based writes: a zone rematch saves thousands of proposals. The refresh of open
  // proposals and the insert of new ones are independent: pipelined.
  const refreshing = refreshed.length
    ? repo.refresh(
        sql,
        refreshed.map(({ id, p }) => ({ id, score: p.score, reasons: p.reasons, fr: p.explanationFr, en: p.explanationEn, fingerprint: p.fingerprint })),
        nowIso,
      )
    : 0;
  const [refreshedCount, { created, titles }, grown] = await Promise.all([
    refreshing,
    insertNew(sql, fresh, declarations, orgNames, nowIso),
    growGroups(sql, growing, declarations, orgNames, nowIso),
  ]);
  // A group a person moved on meanwhile (its version changed) stays as it is; the larger one is new.
  const grownIds = new Set(grown.map(({ old }) => old.id));
  const lost = growing.filter(({ old }) => !grownIds.has(old.id));
  // The smaller groups merge into the grown one, or into the new one when growth lost its race.
  const mergeInto = (successor: string, groups: repo.GroupWithin[]) => groups.map(({ id, version, status }) => ({ id, version, status, successor }));
  const merges = grown.flatMap(({ old, merged }) => mergeInto(old.id, merged));
  if (lost.length) {
    const late = await insertNew(
      sql,
      lost.map(({ p }) => p),
      declarations,
      orgNames,
      nowIso,
    );
    created.push(...late.created);
    for (const [id, title] of late.titles) titles.set(id, title);
    for (const { id, p } of late.created) merges.push(...mergeInto(id, lost.find((x) => x.p === p)!.merged));
  }
  for (const { old, title } of grown) titles.set(old.id, title);
  const updated = reproposed + refreshedCount + grown.length;

  // The rest is pipelined on the transaction's connection, in one batch: PostgreSQL runs
  // the statements in the order sent, so each one sees the rows the ones before it wrote.
  let retired = 0;
  const batch: Promise<unknown>[] = [];
  if (created.length || grown.length) {
    const partyRows = (id: string, p: Proposal, already: string[] = []) =>
      partiesByProposal
        .get(p)!
        .filter((x) => !already.includes(x.organisationId))
        .map((x) => ({ synergy_id: id, organisation_id: x.organisationId, declaration_id: x.declarationId, role: x.role }));
    // A grown group gains the firms and declarations that joined; only those firms hear of it.
    const parties = [...created.flatMap(({ id, p }) => partyRows(id, p)), ...grown.flatMap(({ old, p }) => partyRows(old.id, p, old.organisation_ids))];
    const links = [
      ...created.flatMap(({ id, p }) => p.declarationIds.map((d) => ({ synergy_id: id, declaration_id: d }))),
      ...grown.flatMap(({ old, p }) =>
        p.declarationIds.filter((d) => !old.declaration_ids.includes(d)).map((d) => ({ synergy_id: old.id, declaration_id: d })),
      ),
    ];
    // System events carry no note: the interface names them in the reader's language.
    const events = [
      ...created.map(({ id }) => ({ synergy_id: id, type: 'proposed', to_status: 'proposed', at: nowIso })),
      ...grown.map(({ old }) => ({ synergy_id: old.id, type: 'grown', to_status: old.status, at: nowIso })),
    ];
    batch.push(
      repo.insertParties(sql, parties),
      repo.insertDeclarationLinks(sql, links),
      repo.insertEvents(sql, events),
      // After the parties that acceptances carry over to (a firm that joins two pools merges them).
      repo.mergeGroupsInto(sql, merges, `${RETIRED}: ${SUPERSEDED}`, nowIso).then((n) => (retired += n)),
      notifyNewProposals(sql, parties, members, titles, now),
    );
  }
  // After the groups replaced their smaller ones, so that acceptances carry over first.
  if (input.retire)
    batch.push(
      retireMissing(sql, input.retire, 'declarationIds' in input.retire ? keys : input.retire.keys.map(storedKey), nowIso).then((n) => (retired += n)),
    );
  // The zones' boards refetch; committed with the proposals.
  const zones = new Set(proposals.flatMap((p) => declarations.get(p.declarationIds[0]!)?.zoneId ?? []));
  if (input.retire && 'zoneId' in input.retire && input.retire.zoneId) zones.add(input.retire.zoneId);
  for (const zoneId of zones)
    batch.push(
      publishEvent(sql, roomName.zone(zoneId), {
        type: 'synergy.changed',
        zoneId,
        synergyId: created.length === 1 ? created[0]!.id : null,
        reason: 'matching',
      }),
    );
  await Promise.all(batch);
  return { created: created.length, updated, retired };
}

/** What the engine decides of a proposal's row: its identity, title, score and explanation. */
function engineValues(p: Proposal, declarations: Map<string, MatchDeclaration>, orgNames: Map<string, string>) {
  return {
    proposal_key: storedKey(p.key),
    ...titled(proposalTitleParts(p, declarations, orgNames)),
    score: p.score,
    reasons: JSON.stringify(p.reasons),
    explanation_fr: p.explanationFr,
    explanation_en: p.explanationEn,
    fingerprint: p.fingerprint,
  };
}

/** Inserts new proposals, a thousand per statement; returns them with their ids and titles. */
async function insertNew(sql: Sql, fresh: Proposal[], declarations: Map<string, MatchDeclaration>, orgNames: Map<string, string>, nowIso: string) {
  const created: { id: string; p: Proposal }[] = [];
  const titles = new Map<string, string>();
  for (let i = 0; i < fresh.length; i += 1000) {
    const chunk = fresh.slice(i, i + 1000).filter((p) => declarations.has(p.declarationIds[0]!));
    if (chunk.length === 0) continue;
    const rows = chunk.map((p): repo.NewProposalRow => ({
      zone_id: declarations.get(p.declarationIds[0]!)!.zoneId,
      kind: p.kind,
      origin: 'engine',
      status: 'proposed',
      ...engineValues(p, declarations, orgNames),
      created_at: nowIso,
      updated_at: nowIso,
    }));
    const inserted = await repo.insertProposals(sql, rows);
    const byKey = new Map(chunk.map((p, n) => [storedKey(p.key), { p, title: rows[n]!.title }]));
    for (const r of inserted) {
      const { p, title } = byKey.get(r.proposal_key)!;
      created.push({ id: r.id, p });
      titles.set(r.id, title);
    }
  }
  return { created, titles };
}

/** An open group growing into a new group of the engine, and the smaller ones merging into it. */
interface Growth {
  p: Proposal;
  old: repo.GroupWithin;
  merged: repo.GroupWithin[];
}

/** Grows open groups in place into the engine's larger ones; returns those grown (a group whose version moved is left out). */
async function growGroups(sql: Sql, growing: Growth[], declarations: Map<string, MatchDeclaration>, orgNames: Map<string, string>, nowIso: string) {
  const done = await Promise.all(
    growing.map(async ({ p, old, merged }) => {
      const values = engineValues(p, declarations, orgNames);
      return (await repo.growGroup(sql, { id: old.id, version: old.version, ...values }, nowIso)) ? { p, old, merged, title: values.title } : null;
    }),
  );
  return done.filter((x) => x !== null);
}

/** Retires the engine's open proposals in scope that the last matching did not make again. */
async function retireMissing(sql: Sql, scope: { declarationIds: string[] } | { zoneId: string | null }, keep: string[], nowIso: string): Promise<number> {
  const reason = `${RETIRED}: plus proposée par le moteur`;
  if ('declarationIds' in scope) return repo.retireLinkedTo(sql, scope.declarationIds, keep, reason, nowIso);
  return repo.retireInZone(sql, scope.zoneId, keep, reason, nowIso);
}

/**
 * One unread "new suggestions" notification per person and day, counting them; what to
 * tell by email goes out in each person's digest (see the notifications module).
 */
async function notifyNewProposals(
  sql: Sql,
  parties: { synergy_id: string; organisation_id: string }[],
  members: repo.MemberToNotify[],
  titles: Map<string, string>,
  now: Date,
): Promise<void> {
  const membersOf = new Map<string, repo.MemberToNotify[]>();
  for (const m of members) membersOf.set(m.organisation_id, [...(membersOf.get(m.organisation_id) ?? []), m]);
  const perUser = new Map<string, Set<string>>();
  for (const party of parties)
    for (const m of membersOf.get(party.organisation_id) ?? [])
      if (m.notification_mode !== 'none') perUser.set(m.user_id, (perUser.get(m.user_id) ?? new Set()).add(party.synergy_id));
  const groupKey = `${NEW_PROPOSALS}:${now.toISOString().slice(0, 10)}`;
  await Promise.all([
    repo.addGroupedNotifications(
      sql,
      [...perUser].map(([userId, ids]) => {
        const only = ids.size === 1 ? [...ids][0]! : null;
        return {
          user_id: userId,
          type: NEW_PROPOSALS,
          group_key: groupKey,
          count: ids.size,
          synergy_id: only,
          text: only ? (titles.get(only) ?? '') : '',
          created_at: now.toISOString(),
        };
      }),
    ),
    // One room each.
    ...[...perUser].map(([userId, ids]) =>
      publishEvent(sql, roomName.user(userId), {
        type: 'notification.created',
        notificationType: NEW_PROPOSALS,
        text: '',
        synergyId: ids.size === 1 ? [...ids][0]! : null,
        createdAt: now.toISOString(),
      }),
    ),
  ]);
}

/** The notification type of new engine suggestions. */
export const NEW_PROPOSALS = 'new_proposal';
