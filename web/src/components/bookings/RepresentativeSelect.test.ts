import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { defineComponent, ref } from 'vue';
import { useSessionStore } from '../../stores/session';
import { mountOptions } from '../../test-utils';

const members = vi.fn();
vi.mock('../../api', () => ({ organisationsApi: { members: (id: string) => members(id) }, associationsApi: {}, authApi: {} }));
const { default: RepresentativeSelect } = await import('./RepresentativeSelect.vue');

const FIRM = '7f1c2b9e-4a53-4a3e-9a62-1c2d3e4f5a6b';
const person = (id: string, displayName: string, activated = true) => ({ id, email: `${id}@x.fr`, displayName, role: 'member', activated });

async function open(preferred: string | null = null) {
  const options = mountOptions();
  useSessionStore().user = { id: 'me', email: 'me@x.fr', displayName: 'Moi', role: 'member', locale: 'fr', organisationId: FIRM, zoneIds: [] };
  const chosen = ref('');
  const wrapper = mount(
    defineComponent({
      components: { RepresentativeSelect },
      setup: () => ({ chosen, preferred }),
      template: '<RepresentativeSelect id="rep" v-model="chosen" :preferred="preferred" />',
    }),
    options,
  );
  await flushPromises();
  return { wrapper, chosen };
}

describe('RepresentativeSelect', () => {
  it("offers the firm's activated members, the member themself first chosen", async () => {
    members.mockResolvedValue([person('me', 'Moi'), person('colleague', 'Collègue'), person('invited', 'Invitée', false)]);
    const { wrapper, chosen } = await open();
    expect(members).toHaveBeenCalledWith(FIRM);
    expect(wrapper.findAll('#rep option').map((o) => o.text())).toEqual(['Moi (vous)', 'Collègue']);
    expect(chosen.value).toBe('me');
    await wrapper.find('#rep').setValue('colleague');
    expect(chosen.value).toBe('colleague');
  });

  it('offers again the person the firm named before', async () => {
    members.mockResolvedValue([person('me', 'Moi'), person('colleague', 'Collègue')]);
    const { chosen } = await open('colleague');
    expect(chosen.value).toBe('colleague');
  });

  it('asks nothing of a firm of one, or when the list cannot be read', async () => {
    members.mockResolvedValue([person('me', 'Moi')]);
    expect((await open()).wrapper.find('#rep').exists()).toBe(false);
    members.mockRejectedValue(new Error('offline'));
    const { wrapper, chosen } = await open();
    expect(wrapper.find('#rep').exists()).toBe(false);
    expect(chosen.value).toBe('me');
  });
});
