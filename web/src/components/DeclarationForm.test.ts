import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { mountOptions } from '../test-utils';
import DeclarationForm from './DeclarationForm.vue';

const site = {
  id: '6f1c2b9e-4a53-4a3e-9a62-1c2d3e4f5a6b',
  organisationId: '7f1c2b9e-4a53-4a3e-9a62-1c2d3e4f5a6b',
  name: 'Usine',
  address: '',
  postalCode: '',
  city: 'Perrigny',
  latitude: null,
  longitude: null,
};

describe('DeclarationForm', () => {
  it('shows the shared schema’s errors inline and does not submit', async () => {
    const wrapper = mount(DeclarationForm, { ...mountOptions(), props: { sites: [site] } });
    await wrapper.find('#decl-title').setValue('Pa');
    await wrapper.find('#decl-quantity').setValue('-3');
    await wrapper.find('form').trigger('submit');

    expect(wrapper.emitted('submit')).toBeUndefined();
    expect(wrapper.find('#decl-title').attributes('aria-invalid')).toBe('true');
    expect(wrapper.find('#decl-title-error').text()).toContain('Au moins 3 caractères');
    expect(wrapper.find('#decl-quantity-error').text()).toContain('supérieur à 0');
    expect(wrapper.find('#decl-category-error').text()).toContain('Choisissez une catégorie');
    expect(wrapper.find('[role="alert"]').text()).toMatch(/3 erreurs/);
  });

  it('says when a quantity is not a number', async () => {
    const wrapper = mount(DeclarationForm, { ...mountOptions(), props: { sites: [site] } });
    await wrapper.find('#decl-quantity').setValue('beaucoup');
    await wrapper.find('form').trigger('submit');
    expect(wrapper.find('#decl-quantity-error').text()).toContain('Nombre attendu');
  });

  it('refuses an availability window that ends before it starts, like the server', async () => {
    const wrapper = mount(DeclarationForm, { ...mountOptions(), props: { sites: [site] } });
    await wrapper.find('#decl-title').setValue('Palettes bois 80x120');
    await wrapper.find('#decl-category').setValue('materials.wood');
    await wrapper.find('#decl-from').setValue('2026-12-01');
    await wrapper.find('#decl-until').setValue('2026-11-01');
    await wrapper.find('form').trigger('submit');
    expect(wrapper.emitted('submit')).toBeUndefined();
    expect(wrapper.find('#decl-until-error').text()).toContain('La fin de disponibilité précède le début');
  });

  it('asks for a price when the offer is for sale', async () => {
    const wrapper = mount(DeclarationForm, { ...mountOptions(), props: { sites: [site] } });
    await wrapper.find('#decl-title').setValue('Palettes bois 80x120');
    await wrapper.find('#decl-category').setValue('materials.wood');
    await wrapper.find('input[name="priceMode"][value="sale"]').setValue(true);
    await wrapper.find('form').trigger('submit');
    expect(wrapper.find('#decl-price-error').text()).toContain('Indiquez le prix');
    await wrapper.find('#decl-price').setValue('2,5');
    await wrapper.find('form').trigger('submit');
    expect(wrapper.emitted('submit')?.[0]?.[0]).toMatchObject({ priceMode: 'sale', priceAmount: 2.5 });
  });

  it('submits the values the contract expects, with French decimals and defaults', async () => {
    const wrapper = mount(DeclarationForm, { ...mountOptions(), props: { sites: [site] } });
    await wrapper.find('#decl-title').setValue('  Palettes bois 80x120  ');
    await wrapper.find('#decl-category').setValue('materials.wood');
    await wrapper.find('#decl-quantity').setValue('12,5');
    await wrapper.find('#decl-unit').setValue('pallet');
    await wrapper.find('#decl-frequency').setValue('weekly');
    await wrapper.find('form').trigger('submit');
    const [value] = wrapper.emitted('submit')?.[0] ?? [];
    expect(value).toMatchObject({
      kind: 'offer',
      title: 'Palettes bois 80x120',
      categoryCode: 'materials.wood',
      quantity: 12.5,
      unit: 'pallet',
      frequency: 'weekly',
      siteId: site.id,
      wasteCode: null,
      priceMode: 'free',
      priceAmount: null,
      visibility: 'zone',
    });
  });

  it('shows errors the server returned for a field', async () => {
    const wrapper = mount(DeclarationForm, { ...mountOptions(), props: { serverErrors: { wasteCode: 'Code déchet inconnu' } } });
    expect(wrapper.find('#decl-waste-error').text()).toContain('Code déchet inconnu');
  });
});
