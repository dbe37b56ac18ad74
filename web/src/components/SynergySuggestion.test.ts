import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { Synergy } from '../api';
import { useSessionStore } from '../stores/session';
import { mountOptions } from '../test-utils';
import SynergySuggestion from './SynergySuggestion.vue';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const party = (organisationId: string, organisationName: string, role: 'giver' | 'taker') => ({
  organisationId,
  organisationName,
  declarationId: null,
  declarationTitle: null,
  role,
  accepted: false,
  declined: false,
  contact: null,
});
const synergy: Synergy = {
  id: 's1',
  zoneId: '99999999-9999-4999-8999-999999999999',
  kind: 'substitution',
  origin: 'engine',
  status: 'proposed',
  title: 'Palettes bois → Fromagerie',
  score: 0.91,
  reasons: [],
  explanationFr: 'Même code déchet 15 01 03 · 3,6 km',
  explanationEn: 'Same waste code 15 01 03 · 3.6 km',
  dropReason: null,
  validated: false,
  parties: [party(A, 'Plasturgie du Revermont', 'giver'), party(B, 'Fromagerie des Coteaux', 'taker')],
  impact: null,
  version: 1,
  createdAt: '2026-10-03T08:00:00.000Z',
  updatedAt: '2026-10-03T08:00:00.000Z',
};

function mountFor(organisationId: string) {
  const options = mountOptions();
  useSessionStore().user = { id: 'u', email: 'm@x.fr', displayName: 'M', role: 'member', locale: 'fr', organisationId, zoneIds: [] };
  return mount(SynergySuggestion, { ...options, props: { synergy } });
}

describe('SynergySuggestion', () => {
  it('shows the other firm, the score and the French explanation', () => {
    const text = mountFor(B).text();
    expect(text).toContain('Avec Plasturgie du Revermont');
    expect(text).not.toContain('Avec Fromagerie');
    expect(text).toMatch(/91\s%/);
    expect(text).toContain('Même code déchet 15 01 03');
  });

  it('accepts at once, and declines with an optional reason', async () => {
    const wrapper = mountFor(B);
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Accepter')!
      .trigger('click');
    expect(wrapper.emitted('answer')?.[0]).toEqual(['accept', undefined]);

    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Décliner')!
      .trigger('click');
    await wrapper.find('textarea').setValue('  Format inadapté ');
    await wrapper.find('form').trigger('submit');
    expect(wrapper.emitted('answer')?.[1]).toEqual(['decline', 'Format inadapté']);
  });
});
