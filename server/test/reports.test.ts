import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext, type TestUser } from './context';
import { activityFixture } from './fixtures/activity';

let t: TestContext;
let facilitator: TestUser;
let slug: string;

beforeAll(async () => {
  t = await createTestContext();
  t.clock.current = new Date('2027-01-15T09:00:00Z');
  const fixture = await activityFixture(t);
  facilitator = await t.newUser('facilitator', { zoneId: fixture.zoneId });
  slug = (await t.ctx.db.$client<{ slug: string }[]>`select slug from zones where id = ${fixture.zoneId}`)[0]!.slug;
});
afterAll(() => t.close());

/** The PDF's text, page after page, whitespace collapsed. */
async function textOf(pdf: Buffer): Promise<string> {
  // pdf.js expects Node 22's Promise.withResolvers; the project runs on Node 20.
  if (!('withResolvers' in Promise)) {
    Object.assign(Promise, {
      withResolvers<T>() {
        let resolve!: (v: T) => void;
        let reject!: (e: unknown) => void;
        const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
        return { promise, resolve, reject };
      },
    });
  }
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  return pages.join(' ').replace(/\s+/g, ' ');
}

describe('annual activity report', () => {
  it('prints the year’s key figures, charts, implemented synergies and factor sources, in French', async () => {
    const res = await t.call(facilitator, 'GET', `/zones/${slug}/reports/2026.pdf`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(`rapport-activite-${slug}-2026.pdf`);
    const text = await textOf(res.rawPayload);

    expect(text).toContain("Rapport d'activité 2026");
    expect(text).toContain('Édité le 15 janvier 2027');
    // Key figures as the cooperative writes them: value, then what it counts.
    expect(text).toContain('3 entreprises mobilisées');
    expect(text).toContain('1 100 salariés représentés');
    expect(text).toContain('5 pistes de synergies');
    expect(text).toContain('3 projets accompagnés');
    expect(text).toContain('1 synergie mise en œuvre');
    expect(text).toContain("1 rendez-vous d'affaires");
    expect(text).toContain('En 2026, 3 entreprises représentant 1 100 salariés ont identifié 5 pistes de synergies');
    // Charts: their titles and bar values.
    expect(text).toMatch(/Des fiches aux synergies mises en œuvre Fiches déposées 2 Pistes proposées 5 En discussion 4 À l'étude 3 Mises en œuvre 1/);
    expect(text).toContain('Matières · Substitution 3');
    expect(text).toContain('mai 2026 12,5 t');
    // The implemented synergy with its impacts, and the source of its factor.
    expect(text).toContain('Palettes réemployées');
    expect(text).toContain('mise en œuvre le 10 mai 2026');
    expect(text).toContain('12,5 t détournées · 1 500 € économisés · 800 kg CO2e évités · 120 km évités');
    expect(text).toMatch(/Bois et palettes : 313 kg CO2e et 90 € par tonne — source : .+/);
    expect(text).not.toContain('Sciure 2025');
  });

  it('answers 404 to an unknown zone and 403 to a firm member', async () => {
    expect((await t.call(facilitator, 'GET', '/zones/nulle-part/reports/2026.pdf')).statusCode).toBe(404);
    const member = await t.newUser('member');
    expect((await t.call(member, 'GET', `/zones/${slug}/reports/2026.pdf`)).statusCode).toBe(403);
  });
});
