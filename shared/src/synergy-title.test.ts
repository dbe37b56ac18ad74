import { describe, expect, it } from 'vitest';
import { synergyTitle } from './synergy-title';

describe('synergyTitle', () => {
  it('says a pooling in each language with the category label and the number of firms', () => {
    const pool = { template: 'pool', resource: 'offer', categoryCode: 'materials.paper', firms: 10 } as const;
    expect(synergyTitle(pool, 'fr')).toBe('Collecte commune : Papiers et cartons (10 entreprises)');
    expect(synergyTitle(pool, 'en')).toMatch(/^Joint collection: .+ \(10 companies\)$/);
    expect(synergyTitle({ ...pool, resource: 'need' }, 'en')).toMatch(/^Joint purchase or need: /);
  });

  it("keeps what people wrote as they wrote it, and translates only the platform's words", () => {
    const taker = { template: 'potential_taker', offerTitle: 'Palettes 80x120', takerName: 'Scierie du Jura' } as const;
    expect(synergyTitle(taker, 'fr')).toBe('Preneur potentiel : Palettes 80x120 → Scierie du Jura');
    expect(synergyTitle(taker, 'en')).toBe('Potential taker: Palettes 80x120 → Scierie du Jura');
    expect(synergyTitle({ ...taker, template: 'pair' }, 'en')).toBe('Palettes 80x120 → Scierie du Jura');
  });
});
