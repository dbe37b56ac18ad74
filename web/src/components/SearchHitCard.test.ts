import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { mountOptions } from '../test-utils';
import SearchHitCard from './SearchHitCard.vue';

const hit = {
  id: '6f1c2b9e-4a53-4a3e-9a62-1c2d3e4f5a6b',
  kind: 'offer' as const,
  title: 'Palettes <img src=x onerror=alert(1)>',
  description: 'Bois',
  categoryCode: 'materials.wood',
  wasteCode: null,
  quantity: 20,
  unit: 'pallet',
  frequency: 'weekly',
  priceMode: 'free',
  hazardous: false,
  status: 'active',
  organisationId: '7f1c2b9e-4a53-4a3e-9a62-1c2d3e4f5a6b',
  organisationName: 'Plasturgie du Revermont',
  zoneId: '8f1c2b9e-4a53-4a3e-9a62-1c2d3e4f5a6b',
  city: 'Perrigny',
  photoUrl: null,
  distanceKm: 3.24,
  highlight: { title: '<mark>Palett</mark>es <img src=x onerror=alert(1)>', description: 'Bois' },
};

describe('SearchHitCard', () => {
  it('renders the highlight marks but no markup from the data', () => {
    const wrapper = mount(SearchHitCard, { ...mountOptions(), props: { hit } });
    const title = wrapper.find('.hit__title');
    expect(title.find('mark').text()).toBe('Palett');
    expect(title.find('img').exists()).toBe(false);
    expect(title.text()).toContain('<img src=x onerror=alert(1)>');
  });

  it('shows the firm, the town, the distance and the quantity', () => {
    const text = mount(SearchHitCard, { ...mountOptions(), props: { hit } }).text();
    expect(text).toContain('Plasturgie du Revermont');
    expect(text).toContain('Perrigny');
    expect(text).toContain('3,2 km');
    expect(text).toContain('20 palettes /semaine');
    expect(text).toContain('Bois et palettes');
  });

  it("shows an offer's price mode, never a price label on a need", () => {
    expect(mount(SearchHitCard, { ...mountOptions(), props: { hit: { ...hit, priceMode: 'sale' } } }).text()).toContain('À vendre');
    const need = mount(SearchHitCard, { ...mountOptions(), props: { hit: { ...hit, kind: 'need' as const, priceMode: 'sale' } } }).text();
    expect(need).not.toContain('À vendre');
    expect(need).not.toContain('Gratuit');
  });
});
