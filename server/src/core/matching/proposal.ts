import { explainEn, explainFr } from './explain';
import { fingerprint, proposalKey } from './keys';
import type { MatchDeclaration, Proposal, ProposalKind, Reason } from './types';

/** Assembles a proposal: identity, explanation and fingerprint all follow from its parts. */
export function buildProposal(
  kind: ProposalKind,
  declarations: readonly MatchDeclaration[],
  organisationIds: readonly string[],
  score: number,
  reasons: Reason[],
  fingerprintExtra: readonly string[] = [],
): Proposal {
  const declarationIds = declarations.map((d) => d.id).sort();
  const orgIds = [...new Set(organisationIds)].sort();
  return {
    kind,
    key: proposalKey(kind, declarationIds, orgIds),
    declarationIds,
    organisationIds: orgIds,
    score,
    reasons,
    explanationFr: explainFr(reasons),
    explanationEn: explainEn(reasons),
    fingerprint: fingerprint(declarations, fingerprintExtra),
  };
}

/** Best first; ties broken by key so that results never depend on input order (also ranks pairs before they are built). */
export function compareProposals(a: Pick<Proposal, 'score' | 'key'>, b: Pick<Proposal, 'score' | 'key'>): number {
  return b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}
