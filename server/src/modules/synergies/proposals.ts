import { createHash } from 'node:crypto';
import { findCategory } from '@synergies/shared';
import type postgres from 'postgres';
import type { MatchDeclaration, Proposal } from '../../core/matching';
import type { Jobs } from '../../infra/jobs';
import { enqueueEmail } from '../../infra/mail';
import { publishEvent, roomName } from '../../infra/realtime/event-store';

type Sql = postgres.TransactionSql;
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

export function proposalTitle(p: Proposal, declarations: Map<string, MatchDeclaration>, orgNames: Map<string, string>): string {
  const decls = p.declarationIds.map((id) => declarations.get(id)).filter((d): d is MatchDeclaration => d !== undefined);
  const offer = decls.find((d) => d.kind === 'offer');
  const need = decls.find((d) => d.kind === 'need');
  const name = (id: string | undefined) => (id ? (orgNames.get(id) ?? '') : '');
  switch (p.kind) {
    case 'mutualisation': {
      const label = findCategory(decls[0]?.categoryCode ?? '')?.labelFr ?? decls[0]?.title ?? '';
      const verb = decls[0]?.kind === 'offer' ? 'Collecte commune' : 'Achat ou besoin commun';
      return `${verb} : ${label} (${new Set(decls.map((d) => d.organisationId)).size} entreprises)`;
    }
    case 'potential_taker':
      return `Preneur potentiel : ${offer?.title ?? ''} → ${name(p.organisationIds.find((o) => o !== offer?.organisationId))}`;
    default:
      return `${offer?.title ?? ''} → ${name(need?.organisationId)}`;
  }
}

interface Existing {
  id: string;
  proposal_key: string;
  status: string;
  fingerprint: string | null;
  drop_reason: string | null;
}

/** Stored form of a proposal's identity: a mutualisation of many firms has a long key, the index wants a short one. */
export const storedKey = (key: string) => createHash('sha256').update(key).digest('base64url');

export const DECLINED = 'declined';
export const RETIRED = 'retired';

/**
 * Writes the engine's proposals: new ones are inserted (and their firms notified),
 * open ones refreshed, declined ones kept declined unless their declarations changed
 * materially (fingerprint), and engine proposals of `scope` that the engine no longer
 * makes are retired. Returns how many proposals are new.
 */
export async function saveProposals(
  sql: Sql,
  jobs: Jobs,
  input: {
    proposals: Proposal[];
    declarations: Map<string, MatchDeclaration>;
    orgNames: Map<string, string>;
    /** Open engine proposals of this scope are retired when not proposed again (none: retire nothing). */
    retire?: { declarationIds: string[] } | { zoneId: string | null; keys: string[] };
    publicUrl: string;
    now: Date;
  },
): Promise<number> {
  const { proposals, declarations, orgNames, now } = input;
  const nowIso = now.toISOString();
  const keys = proposals.map((p) => storedKey(p.key));
  const existing = new Map(
    (keys.length
      ? await sql<Existing[]>`select id, proposal_key, status, fingerprint, drop_reason from synergies where proposal_key = any(${keys})`
      : []
    ).map((e) => [e.proposal_key, e]),
  );

  const fresh: Proposal[] = [];
  const refreshed: { id: string; p: Proposal }[] = [];
  for (const p of proposals) {
    const e = existing.get(storedKey(p.key));
    if (!e) fresh.push(p);
    else if (e.status === 'dropped' && e.drop_reason !== null && e.drop_reason.startsWith(DECLINED) && e.fingerprint === p.fingerprint) {
      // Declined and nothing material changed: stays declined.
    } else if (e.status === 'dropped' && (e.drop_reason?.startsWith(RETIRED) || e.drop_reason?.startsWith(DECLINED))) {
      await sql`update synergies set status = 'proposed', drop_reason = null, score = ${p.score}, reasons = ${JSON.stringify(p.reasons)}::jsonb,
                  explanation_fr = ${p.explanationFr}, explanation_en = ${p.explanationEn}, fingerprint = ${p.fingerprint},
                  updated_at = ${nowIso}, version = version + 1 where id = ${e.id}`;
      await sql`update synergy_parties set accepted_at = null, declined_at = null where synergy_id = ${e.id}`;
      await sql`insert into synergy_events (synergy_id, type, from_status, to_status, at)
                values (${e.id}, 'reproposed', 'dropped', 'proposed', ${nowIso})`;
    } else if (e.status !== 'dropped') refreshed.push({ id: e.id, p });
  }

  // Set-based writes: a zone rematch saves thousands of proposals.
  if (refreshed.length) {
    const values = refreshed.map(({ id, p }) => ({ id, score: p.score, reasons: p.reasons, fr: p.explanationFr, en: p.explanationEn, fingerprint: p.fingerprint }));
    await sql`
      update synergies s set score = v.score, reasons = v.reasons, explanation_fr = v.fr, explanation_en = v.en, fingerprint = v.fingerprint, updated_at = ${nowIso}
      from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(id uuid, score float8, reasons jsonb, fr text, en text, fingerprint text)
      where s.id = v.id and (s.score is distinct from v.score or s.fingerprint is distinct from v.fingerprint)`;
  }
  const created: { id: string; p: Proposal }[] = [];
  for (let i = 0; i < fresh.length; i += 1000) {
    const chunk = fresh.slice(i, i + 1000).filter((p) => declarations.has(p.declarationIds[0]!));
    if (chunk.length === 0) continue;
    const rows = chunk.map((p) => ({
      zone_id: declarations.get(p.declarationIds[0]!)!.zoneId,
      kind: p.kind,
      proposal_key: storedKey(p.key),
      origin: 'engine',
      status: 'proposed',
      title: proposalTitle(p, declarations, orgNames),
      score: p.score,
      reasons: JSON.stringify(p.reasons),
      explanation_fr: p.explanationFr,
      explanation_en: p.explanationEn,
      fingerprint: p.fingerprint,
      created_at: nowIso,
      updated_at: nowIso,
    }));
    const inserted = await sql<{ id: string; proposal_key: string }[]>`
      insert into synergies (zone_id, kind, proposal_key, origin, status, title, score, reasons, explanation_fr, explanation_en, fingerprint, created_at, updated_at)
      select zone_id, kind, proposal_key, origin, status, title, score, reasons::jsonb, explanation_fr, explanation_en, fingerprint, created_at::timestamptz, updated_at::timestamptz
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(zone_id uuid, kind synergy_kind, proposal_key text, origin synergy_origin, status synergy_status,
        title text, score float8, reasons text, explanation_fr text, explanation_en text, fingerprint text, created_at text, updated_at text)
      returning id, proposal_key`;
    const byKey = new Map(chunk.map((p) => [storedKey(p.key), p]));
    for (const r of inserted) created.push({ id: r.id, p: byKey.get(r.proposal_key)! });
  }

  // Independent statements, pipelined on the transaction's connection.
  const writes: Promise<unknown>[] = [];
  if (created.length) {
    const parties = created.flatMap(({ id, p }) => partiesOf(p, declarations).map((x) => ({ synergy_id: id, organisation_id: x.organisationId, declaration_id: x.declarationId, role: x.role })));
    const links = created.flatMap(({ id, p }) => p.declarationIds.map((d) => ({ synergy_id: id, declaration_id: d })));
    // System events carry no note: the interface names them in the reader's language.
    const events = created.map(({ id }) => ({ synergy_id: id, type: 'proposed', to_status: 'proposed', at: nowIso }));
    // Chunks keep each statement under PostgreSQL's 65,535 parameters.
    writes.push(
      (async () => {
        for (const chunk of chunks(parties, 5000)) await sql`insert into synergy_parties ${sql(chunk)} on conflict do nothing`;
        await notifyNewProposals(sql, jobs, created.map((c) => c.id), input.publicUrl, nowIso);
      })(),
      ...chunks(links, 10000).map((chunk) => sql`insert into synergy_declarations ${sql(chunk)} on conflict do nothing`),
      ...chunks(events, 5000).map((chunk) => sql`insert into synergy_events ${sql(chunk)}`),
    );
  }
  if (input.retire) writes.push(retireMissing(sql, input.retire, 'declarationIds' in input.retire ? keys : input.retire.keys.map(storedKey), nowIso));
  await Promise.all(writes);
  // The zones' boards refetch; committed with the proposals.
  const zones = new Set(proposals.flatMap((p) => declarations.get(p.declarationIds[0]!)?.zoneId ?? []));
  if (input.retire && 'zoneId' in input.retire && input.retire.zoneId) zones.add(input.retire.zoneId);
  for (const zoneId of zones) await publishEvent(sql, roomName.zone(zoneId), { type: 'synergy.changed', zoneId, synergyId: created.length === 1 ? created[0]!.id : null, reason: 'matching' });
  return created.length;
}

/** Retires the engine's open proposals in scope that the last matching did not make again. */
async function retireMissing(sql: Sql, scope: { declarationIds: string[] } | { zoneId: string | null }, keep: string[], nowIso: string) {
  const reason = `${RETIRED}: plus proposée par le moteur`;
  if ('declarationIds' in scope) {
    // From the declarations' links, not from every open proposal: millions at national scale.
    await sql`
      with linked as materialized (select sd.synergy_id from synergy_declarations sd where sd.declaration_id = any(${scope.declarationIds}::uuid[]))
      update synergies s set status = 'dropped', drop_reason = ${reason}, updated_at = ${nowIso}, version = version + 1
      where s.id in (select synergy_id from linked) and s.origin = 'engine' and s.status = 'proposed' and not (s.proposal_key = any(${keep}))`;
    return;
  }
  // An anti-join, not "<> all(array)": a zone keeps thousands of proposals.
  await sql`
    update synergies s set status = 'dropped', drop_reason = ${reason}, updated_at = ${nowIso}, version = version + 1
    where s.origin = 'engine' and s.status = 'proposed' and (${scope.zoneId}::uuid is null or s.zone_id = ${scope.zoneId})
      and not exists (select 1 from unnest(${keep}::text[]) k(key) where k.key = s.proposal_key)`;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** In-app notification per member and proposal; one summary email per member. */
async function notifyNewProposals(sql: Sql, jobs: Jobs, synergyIds: string[], publicUrl: string, nowIso: string): Promise<void> {
  const rows = await sql<{ user_id: string; email: string; display_name: string; synergy_id: string; title: string }[]>`
    select u.id as user_id, u.email, u.display_name, s.id as synergy_id, s.title
    from synergies s
    join synergy_parties p on p.synergy_id = s.id
    join users u on u.organisation_id = p.organisation_id and u.password_hash is not null
    where s.id = any(${synergyIds}::uuid[])`;
  if (rows.length === 0) return;
  const notifications = rows.map((r) => ({ user_id: r.user_id, synergy_id: r.synergy_id, type: 'new_proposal', text: r.title, created_at: nowIso }));
  for (const chunk of chunks(notifications, 5000)) await sql`insert into notifications ${sql(chunk)}`;
  const byUser = new Map<string, (typeof rows)[number][]>();
  for (const r of rows) byUser.set(r.user_id, [...(byUser.get(r.user_id) ?? []), r]);
  for (const list of byUser.values()) {
    const first = list[0]!;
    await publishEvent(sql, roomName.user(first.user_id), {
      type: 'notification.created',
      notificationType: 'new_proposal',
      text: first.title,
      synergyId: list.length === 1 ? first.synergy_id : null,
      createdAt: nowIso,
    });
    const lines = list.slice(0, 10).map((r) => `• ${r.title}\n  ${publicUrl}/synergies/${r.synergy_id}`);
    await enqueueEmail(sql, jobs, {
      to: first.email,
      subject: list.length === 1 ? 'Une nouvelle piste de synergie pour votre entreprise' : `${list.length} nouvelles pistes de synergie pour votre entreprise`,
      text:
        `Bonjour ${first.display_name},\n\nSynergies a trouvé de nouvelles pistes pour votre entreprise :\n\n${lines.join('\n')}\n` +
        (list.length > 10 ? `\n… et ${list.length - 10} autres, sur votre tableau de bord.\n` : '') +
        `\nAcceptez-les ou déclinez-les en un clic ; les coordonnées sont partagées quand les deux entreprises ont accepté.\n\n— L'équipe Synergies`,
    });
  }
}
