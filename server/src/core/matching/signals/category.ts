import { categoryFamily, findCategory, isWithinCategory } from '@synergies/shared';

/**
 * How close two categories are. `related`: one contains the other, or both sit under
 * the same non-family parent (glassine and paper). `family`: only the top level agrees
 * (wood and plastics are both materials, which alone is not a reason to match).
 */
export type CategoryRelation = 'same' | 'related' | 'family' | 'none';

export const CATEGORY_RELATION_VALUE: Record<CategoryRelation, number> = { same: 1, related: 0.7, family: 0.3, none: 0 };

/** Heat is heat and water is water: there the category nearly says it all, words matter less. */
const FUNGIBLE_FAMILIES = new Set(['energy', 'water']);

export function isFungibleCategory(code: string): boolean {
  return FUNGIBLE_FAMILIES.has(categoryFamily(code));
}

const memo = new Map<string, Map<string, CategoryRelation>>();

/** Memoised: the taxonomy is small and pairs are scored by the hundred thousand. */
export function categoryRelation(a: string, b: string): CategoryRelation {
  let row = memo.get(a);
  if (row === undefined) memo.set(a, (row = new Map()));
  let relation = row.get(b);
  if (relation === undefined) row.set(b, (relation = computeRelation(a, b)));
  return relation;
}

function computeRelation(a: string, b: string): CategoryRelation {
  if (a === b) return 'same';
  if (isWithinCategory(a, b) || isWithinCategory(b, a)) return 'related';
  const parentA = findCategory(a)?.parent ?? null;
  if (parentA !== null && parentA === (findCategory(b)?.parent ?? null) && parentA.includes('.')) return 'related';
  return categoryFamily(a) === categoryFamily(b) ? 'family' : 'none';
}
