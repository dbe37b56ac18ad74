import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { defineComponent } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { useSessionStore } from '../stores/session';
import { mountOptions } from '../test-utils';

const list = vi.fn();
vi.mock('../api', () => ({ zonesApi: { list: () => list() } }));
const { useZoneBySlug } = await import('./zones');

const zone = (id: string, slug: string) => ({ id, slug, name: slug, region: '', description: '', version: 1 });
const LONS = zone('z1', 'lons-perrigny');
const BRESSE = zone('z2', 'bresse');

async function open(path: string, zoneIds: string[]) {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { render: () => null } }] });
  await router.push(path);
  const options = mountOptions();
  useSessionStore().user = { id: 'u', email: 'f@x.fr', displayName: 'F', role: 'facilitator', locale: 'fr', organisationId: null, zoneIds };
  let state: ReturnType<typeof useZoneBySlug> | undefined;
  mount(
    defineComponent({
      setup() {
        state = useZoneBySlug();
        return () => null;
      },
    }),
    { global: { ...options.global, plugins: [...options.global.plugins, router] } },
  );
  await flushPromises();
  return { state: state!, router };
}

describe('useZoneBySlug', () => {
  it('finds the zone named in the address among those the facilitator works on', async () => {
    list.mockResolvedValue([LONS, BRESSE]);
    const { state } = await open('/carte?zone=z2', ['z1', 'z2']);
    expect(state.zone.value?.slug).toBe('bresse');
  });

  it('falls back to the first zone of the facilitator, and keeps it in the address', async () => {
    list.mockResolvedValue([LONS, BRESSE]);
    const { state, router } = await open('/carte?zone=z2', ['z1']);
    expect(state.zones.value.map((z) => z.id)).toEqual(['z1']);
    expect(state.zone.value?.slug).toBe('lons-perrigny');
    await flushPromises();
    expect(router.currentRoute.value.query.zone).toBe('z1');
  });

  it('keeps the failure to read the zones, with no zone open', async () => {
    list.mockRejectedValue(new Error('réseau'));
    const { state } = await open('/carte', ['z1']);
    expect(state.zone.value).toBeNull();
    expect(state.error.value).toBeInstanceOf(Error);
    expect(state.loaded.value).toBe(true);
  });
});
