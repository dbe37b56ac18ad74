import { CATEGORIES, WASTE_CODES, type CategoryDefinition, type WasteCodeDefinition } from '@synergies/shared';
import { defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';

export interface CategoryGroup {
  family: CategoryDefinition;
  children: { entry: CategoryDefinition; depth: number }[];
}

const normalise = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/**
 * Reference data (taxonomy, European List of Waste). It ships with the shared contract
 * (the same lists GET /reference/* serves), so it is there at once and offline.
 */
export const useReferenceStore = defineStore('reference', () => {
  const categories = shallowRef<readonly CategoryDefinition[]>(CATEGORIES);
  const wasteCodes = shallowRef<readonly WasteCodeDefinition[]>(WASTE_CODES);

  const byCode = computed(() => new Map(categories.value.map((c) => [c.code, c])));
  const wasteByCode = computed(() => new Map(wasteCodes.value.map((w) => [w.code, w])));
  const wasteSearchText = computed(() => wasteCodes.value.map((w) => ({ entry: w, text: normalise(`${w.code} ${w.code.replace(/\s/g, '')} ${w.labelFr}`) })));

  /** Families with their categories and sub-categories in taxonomy order. */
  const groups = computed<CategoryGroup[]>(() =>
    categories.value
      .filter((c) => c.parent === null)
      .map((family) => ({
        family,
        children: categories.value.filter((c) => c.code.startsWith(`${family.code}.`)).map((entry) => ({ entry, depth: entry.code.split('.').length - 1 })),
      })),
  );

  function categoryLabel(code: string, locale: string): string {
    const c = byCode.value.get(code);
    if (!c) return code;
    return locale === 'en' ? c.labelEn : c.labelFr;
  }

  /** "Matières › Papiers et cartons › Papier glassine" */
  function categoryPath(code: string, locale: string): string {
    const parts: string[] = [];
    let c = byCode.value.get(code);
    while (c) {
      parts.unshift(locale === 'en' ? c.labelEn : c.labelFr);
      c = c.parent ? byCode.value.get(c.parent) : undefined;
    }
    return parts.length ? parts.join(' › ') : code;
  }

  function findWaste(code: string | null | undefined): WasteCodeDefinition | undefined {
    if (!code) return undefined;
    return wasteByCode.value.get(code.replace('*', '').trim());
  }

  /** Waste codes whose code or label contains every word typed (accents ignored). */
  function searchWaste(query: string, limit = 40): WasteCodeDefinition[] {
    const words = normalise(query).split(/\s+/).filter(Boolean);
    if (!words.length) return wasteCodes.value.slice(0, limit);
    const out: WasteCodeDefinition[] = [];
    for (const { entry, text } of wasteSearchText.value) {
      if (words.every((w) => text.includes(w))) {
        out.push(entry);
        if (out.length >= limit) break;
      }
    }
    return out;
  }

  return { categories, wasteCodes, groups, categoryLabel, categoryPath, findWaste, searchWaste };
});
