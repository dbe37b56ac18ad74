import { computed, ref, watch } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { zonesApi, type Zone } from '../api';
import { useSessionStore } from '../stores/session';

/**
 * The zones a facilitator works on (all of them for an admin) and the one open, kept in
 * the address (?zone=) so that reloading or sharing the page keeps it.
 */
export function useFacilitatedZones() {
  const route = useRoute();
  const router = useRouter();
  const session = useSessionStore();
  const zones = ref<Zone[]>([]);
  const error = ref<unknown>(null);
  const loaded = ref(false);
  const zoneId = ref<string>(typeof route.query.zone === 'string' ? route.query.zone : '');

  async function load() {
    try {
      const all = await zonesApi.list();
      zones.value = session.isAdmin ? all : all.filter((z) => session.user?.zoneIds.includes(z.id));
      if (!zones.value.some((z) => z.id === zoneId.value)) zoneId.value = zones.value[0]?.id ?? '';
    } catch (e) {
      error.value = e;
    } finally {
      loaded.value = true;
    }
  }

  watch(zoneId, (id) => {
    if (id && route.query.zone !== id) void router.replace({ query: { ...route.query, zone: id } });
  });

  void load();
  return { zones, zoneId, error, loaded };
}

/**
 * The facilitated zone open on the page (?zone=), found in the list once it is read, with the
 * slug by which the zone's map, imports and dashboard are addressed. `zone` is null until then.
 */
export function useZoneBySlug() {
  const facilitated = useFacilitatedZones();
  const zone = computed(() => facilitated.zones.value.find((z) => z.id === facilitated.zoneId.value) ?? null);
  return { ...facilitated, zone };
}
