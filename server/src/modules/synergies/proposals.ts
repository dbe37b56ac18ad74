import { findCategory } from '@synergies/shared';
import type postgres from 'postgres';
import type { MatchDeclaration, Proposal } from '../../core/matching';
import type { Jobs } from '../../infra/jobs';
import { enqueueEmail } from '../../infra/mail';

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
    /** Open engine proposals touching these declarations are retired when not proposed again. */
    scopeDeclarationIds: string[];
    /** Keys still proposed elsewhere in the same run (zone rematch batches). */
    keepKeys?: string[];
    publicUrl: string;
    now: Date;
  },
): Promise<number> {
  const { proposals, declarations, orgNames, now } = input;
  const nowIso = now.toISOString();
  const keys = proposals.map((p) => p.key);
  const existing = new Map(
    (keys.length
      ? await sql<Existing[]>`select id, proposal_key, status, fingerprint, drop_reason from synergies where proposal_key = any(${keys})`
      : []
    ).map((e) => [e.proposal_key, e]),
  );

  const created: { id: string; p: Proposal }[] = [];
  for (const p of proposals) {
    const e = existing.get(p.key);
    const reasons = JSON.stringify(p.reasons);
    if (!e) {
      const zoneId = declarations.get(p.declarationIds[0]!)?.zoneId;
      if (!zoneId) continue;
      const [row] = await sql<{ id: string }[]>`
        insert into synergies (zone_id, kind, proposal_key, origin, status, title, score, reasons, explanation_fr, explanation_en, fingerprint, created_at, updated_at)
        values (${zoneId}, ${p.kind}, ${p.key}, 'engine', 'proposed', ${proposalTitle(p, declarations, orgNames)}, ${p.score}, ${reasons}::jsonb,
                ${p.explanationFr}, ${p.explanationEn}, ${p.fingerprint}, ${nowIso}, ${nowIso})
        returning id`;
      created.push({ id: row!.id, p });
    } else if (e.status === 'dropped' && e.drop_reason !== null && e.drop_reason.startsWith(DECLINED) && e.fingerprint === p.fingerprint) {
      // Declined and nothing material changed: stays declined.
    } else if (e.status === 'dropped' && (e.drop_reason?.startsWith(RETIRED) || e.drop_reason?.startsWith(DECLINED))) {
      await sql`update synergies set status = 'proposed', drop_reason = null, score = ${p.score}, reasons = ${reasons}::jsonb,
                  explanation_fr = ${p.explanationFr}, explanation_en = ${p.explanationEn}, fingerprint = ${p.fingerprint},
                  updated_at = ${nowIso}, version = version + 1 where id = ${e.id}`;
      await sql`update synergy_parties set accepted_at = null, declined_at = null where synergy_id = ${e.id}`;
      await sql`insert into synergy_events (synergy_id, type, from_status, to_status, note, at)
                values (${e.id}, 'reproposed', 'dropped', 'proposed', 'Les fiches ont changé', ${nowIso})`;
    } else if (e.status !== 'dropped') {
      await sql`update synergies set score = ${p.score}, reasons = ${reasons}::jsonb, explanation_fr = ${p.explanationFr},
                  explanation_en = ${p.explanationEn}, fingerprint = ${p.fingerprint}, updated_at = ${nowIso}
                where id = ${e.id} and (score is distinct from ${p.score} or fingerprint is distinct from ${p.fingerprint})`;
    }
  }

  if (created.length) {
    const parties = created.flatMap(({ id, p }) => partiesOf(p, declarations).map((x) => ({ synergy_id: id, organisation_id: x.organisationId, declaration_id: x.declarationId, role: x.role })));
    await sql`insert into synergy_parties ${sql(parties)} on conflict do nothing`;
    const links = created.flatMap(({ id, p }) => p.declarationIds.map((d) => ({ synergy_id: id, declaration_id: d })));
    if (links.length) await sql`insert into synergy_declarations ${sql(links)} on conflict do nothing`;
    const events = created.map(({ id }) => ({ synergy_id: id, type: 'proposed', to_status: 'proposed', note: 'Proposée par le moteur de mise en relation', at: nowIso }));
    await sql`insert into synergy_events ${sql(events)}`;
    await notifyNewProposals(sql, jobs, created.map((c) => c.id), input.publicUrl, nowIso);
  }

  if (input.scopeDeclarationIds.length) {
    await sql`
      update synergies s set status = 'dropped', drop_reason = ${`${RETIRED}: plus proposée par le moteur`}, updated_at = ${nowIso}, version = version + 1
      where s.origin = 'engine' and s.status = 'proposed' and not (s.proposal_key = any(${input.keepKeys ?? keys}))
        and exists (select 1 from synergy_declarations sd where sd.synergy_id = s.id and sd.declaration_id = any(${input.scopeDeclarationIds}::uuid[]))`;
  }
  return created.length;
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
  await sql`insert into notifications ${sql(rows.map((r) => ({ user_id: r.user_id, synergy_id: r.synergy_id, type: 'new_proposal', text: r.title, created_at: nowIso })))}`;
  const byUser = new Map<string, (typeof rows)[number][]>();
  for (const r of rows) byUser.set(r.user_id, [...(byUser.get(r.user_id) ?? []), r]);
  for (const list of byUser.values()) {
    const first = list[0]!;
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
