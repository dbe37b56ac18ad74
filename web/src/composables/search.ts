import { onBeforeUnmount, ref, shallowRef, watch, type Ref } from 'vue';
import { searchApi, type DeclarationSearchPage, type DeclarationSearchParams } from '../api';

export interface MarketplaceFilters {
  q: string;
  zoneId: string;
  kind: '' | 'offer' | 'need';
  categoryCode: string;
  priceMode: '' | 'free' | 'sale' | 'exchange';
  hazardous: '' | 'true' | 'false';
  radiusKm: string;
  page: number;
}

export const emptyFilters = (): MarketplaceFilters => ({ q: '', zoneId: '', kind: '', categoryCode: '', priceMode: '', hazardous: '', radiusKm: '', page: 1 });

/** The search API's parameters for a set of filters and an optional origin point. */
export function toSearchParams(f: MarketplaceFilters, origin: { lat: number; lng: number } | null, limit = 12): DeclarationSearchParams {
  return {
    q: f.q.trim() || undefined,
    zoneId: f.zoneId || undefined,
    kind: f.kind || undefined,
    categoryCode: f.categoryCode || undefined,
    priceMode: f.priceMode || undefined,
    hazardous: f.hazardous === '' ? undefined : f.hazardous === 'true',
    lat: origin?.lat,
    lng: origin?.lng,
    radiusKm: origin && f.radiusKm ? Number(f.radiusKm) : undefined,
    page: f.page > 1 ? f.page : undefined,
    limit,
  };
}

/**
 * Instant search: each change of the filters runs one search after `delay` ms of calm;
 * a newer search cancels the one in flight, so answers never arrive out of order.
 */
export function useDeclarationSearch(params: () => DeclarationSearchParams, delay = 200) {
  const result = shallowRef<DeclarationSearchPage | null>(null);
  const loading = ref(false);
  const error: Ref<unknown> = ref(null);
  let controller: AbortController | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function run() {
    controller?.abort();
    const mine = new AbortController();
    controller = mine;
    loading.value = true;
    error.value = null;
    try {
      const page = await searchApi.declarations(params(), mine.signal);
      if (controller === mine) result.value = page;
    } catch (e) {
      if (controller === mine && !(e instanceof DOMException && e.name === 'AbortError')) error.value = e;
    } finally {
      if (controller === mine) loading.value = false;
    }
  }

  function schedule(immediate = false) {
    if (timer) clearTimeout(timer);
    loading.value = true;
    if (immediate) void run();
    else timer = setTimeout(() => void run(), delay);
  }

  watch(
    () => JSON.stringify(params()),
    () => schedule(),
    { immediate: false },
  );
  onBeforeUnmount(() => {
    if (timer) clearTimeout(timer);
    controller?.abort();
  });

  return { result, loading, error, run: () => schedule(true) };
}
