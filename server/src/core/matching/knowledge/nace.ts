/**
 * NACE Rev. 2 (European) and NAF rév. 2 (French) share their first four digits: NAF
 * "22.29A" is a subdivision of NACE class 2229. Division = 2 digits, group = 3, class = 4.
 */

/** "22.29A" or "2229" → "2229"; null when there is no class in it. */
export function nafToNaceClass(naf: string | null | undefined): string | null {
  if (naf == null) return null;
  const digits = naf.replace(/[^0-9]/g, '');
  return digits.length >= 4 ? digits.slice(0, 4) : null;
}

/** "22.29A" → "22". */
export function nafDivision(naf: string | null | undefined): string | null {
  return nafToNaceClass(naf)?.slice(0, 2) ?? null;
}

/** NACE class "2229" → NAF "22.29Z" (the most common French subdivision letter). */
export function naceClassToNaf(nace: string): string {
  const digits = nace
    .replace(/[^0-9]/g, '')
    .padEnd(4, '0')
    .slice(0, 4);
  return `${digits.slice(0, 2)}.${digits.slice(2)}Z`;
}

/**
 * How well a firm's class fits a sector code of a documented case or a public rule,
 * which give it at class (4 digits), group (3) or division (2) level. The NAF hierarchy
 * lends graded evidence: a code naming the firm's class is the strongest; a group or
 * division named as a whole still covers it; a neighbour class in the same group
 * (20.13 for a case in 20.15: group 20.1) runs a similar process, one in the same division less so.
 */
export function naceAffinity(firmClass: string, caseCode: string): number {
  if (firmClass.startsWith(caseCode)) return caseCode.length >= 4 ? 1 : caseCode.length === 3 ? 0.9 : 0.85;
  if (caseCode.length >= 3 && firmClass.slice(0, 3) === caseCode.slice(0, 3)) return NEAR_AFFINITY.group;
  if (firmClass.slice(0, 2) === caseCode.slice(0, 2)) return NEAR_AFFINITY.division;
  return 0;
}

/** Evidence lent to a near sector: same NAF group, same division. */
export const NEAR_AFFINITY = { group: 0.4, division: 0.2 } as const;

/** How a firm's class relates to an evidence code: the same sector, or a near one. */
export function naceNearness(firmClass: string, caseCode: string): 'same' | 'group' | 'division' | null {
  if (firmClass.startsWith(caseCode)) return 'same';
  if (caseCode.length >= 3 && firmClass.slice(0, 3) === caseCode.slice(0, 3)) return 'group';
  if (firmClass.slice(0, 2) === caseCode.slice(0, 2)) return 'division';
  return null;
}
