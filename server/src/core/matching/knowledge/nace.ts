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
  const digits = nace.replace(/[^0-9]/g, '').padEnd(4, '0').slice(0, 4);
  return `${digits.slice(0, 2)}.${digits.slice(2)}Z`;
}

/**
 * How well a firm's class fits a sector code of a documented case, which the sources
 * give at class (4 digits), group (3) or division (2) level. A case naming the class
 * is the strongest evidence; a neighbour in the same group or division still hints at
 * a similar process.
 */
export function naceAffinity(firmClass: string, caseCode: string): number {
  if (firmClass.startsWith(caseCode)) return caseCode.length >= 4 ? 1 : caseCode.length === 3 ? 0.75 : 0.5;
  if (caseCode.length >= 3 && firmClass.slice(0, 3) === caseCode.slice(0, 3)) return 0.3;
  if (firmClass.slice(0, 2) === caseCode.slice(0, 2)) return 0.15;
  return 0;
}
