import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { LeadView } from '../api/workshops';
import { mountOptions } from '../test-utils';
import WorkshopBoard from './WorkshopBoard.vue';

const lead = (id: string, title: string): LeadView => ({
  id,
  title,
  kind: 'substitution',
  status: 'proposed',
  score: 0.8,
  theme: 'materials.wood',
  validated: false,
  parties: [{ organisationId: '11111111-1111-4111-8111-111111111111', organisationName: 'Plasturgie du Revermont', declarationTitle: null, role: 'giver' }],
  version: 1,
});
const board = (leads: LeadView[]) => mount(WorkshopBoard, { ...mountOptions(), props: { workshopId: 'w1', leads, control: true } });

describe('WorkshopBoard', () => {
  it('offers each lead the others as duplicates, the choice reading "Doublon de…" until one is picked', async () => {
    const wrapper = board([lead('a', 'Palettes bois → Fromagerie'), lead('b', 'Palettes 80x120 → Fromagerie')]);
    const select = wrapper.find<HTMLSelectElement>('#merge-a');
    expect(select.element.selectedIndex).toBe(0);
    expect(select.element.selectedOptions[0]?.textContent).toBe('Doublon de…');
    expect(select.findAll('option').map((o) => o.text())).toEqual(['Doublon de…', 'Palettes 80x120 → Fromagerie']);
    const mergeButton = () => wrapper.findAll('button').find((b) => b.text() === 'Fusionner' && b.element.closest('li')?.querySelector('#merge-a'))!;
    expect(mergeButton().attributes('disabled')).toBeDefined();
    await select.setValue('b');
    expect(mergeButton().attributes('disabled')).toBeUndefined();
  });

  it('goes back to "Doublon de…" when the chosen lead leaves the board', async () => {
    const wrapper = board([lead('a', 'Palettes bois → Fromagerie'), lead('b', 'Palettes 80x120 → Fromagerie'), lead('c', 'Palettes EPAL → Fromagerie')]);
    await wrapper.find('#merge-a').setValue('b');
    await wrapper.setProps({ leads: [lead('a', 'Palettes bois → Fromagerie'), lead('c', 'Palettes EPAL → Fromagerie')] });
    const select = wrapper.find<HTMLSelectElement>('#merge-a');
    expect(select.element.selectedOptions[0]?.textContent).toBe('Doublon de…');
  });

  it('shows no merge control on a board with a single lead', () => {
    const wrapper = board([lead('a', 'Palettes bois → Fromagerie')]);
    expect(wrapper.find('select').exists()).toBe(false);
    expect(wrapper.text()).not.toContain('Fusionner');
  });
});
