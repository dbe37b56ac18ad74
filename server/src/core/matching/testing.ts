/** Scenario builders for the engine's tests and benchmarks (no I/O). */
import { seededRandom } from '@synergies/shared';
import type { MatchDeclaration, MatchOrganisation } from './types';

export { seededRandom };

export const LONS = { lat: 46.6744, lng: 5.5547 };

/** A point `km` east of `from`. */
export function east(km: number, from = LONS): { lat: number; lng: number } {
  return { lat: from.lat, lng: from.lng + km / (111.195 * Math.cos((from.lat * Math.PI) / 180)) };
}

export function declaration(overrides: Partial<MatchDeclaration> & Pick<MatchDeclaration, 'id' | 'kind'>): MatchDeclaration {
  return {
    organisationId: `org-${overrides.id}`,
    zoneId: 'zone-1',
    title: 'Palettes bois',
    description: '',
    categoryCode: 'materials.wood',
    wasteCode: null,
    quantity: null,
    unit: 'unit',
    frequency: 'one-off',
    availableFrom: null,
    availableUntil: null,
    hazardous: false,
    status: 'active',
    location: LONS,
    organisationNaf: null,
    ...overrides,
  };
}

export function organisation(id: string, nafCode: string | null, overrides: Partial<MatchOrganisation> = {}): MatchOrganisation {
  return { id, zoneId: 'zone-1', nafCode, location: LONS, name: id, ...overrides };
}

/** Categories and plausible List-of-Waste codes used by generated zones. */
const GENERATED_MATERIALS: [string, (string | null)[]][] = [
  ['materials.wood', ['15 01 03', '03 01 05', '17 02 01', null]],
  ['materials.paper', ['15 01 01', '20 01 01', '03 03 08', null]],
  ['materials.paper.glassine', ['15 01 01', '15 01 05', null]],
  ['materials.plastics', ['15 01 02', '07 02 13', '12 01 05', null]],
  ['materials.metals', ['12 01 01', '12 01 03', '17 04 05', '15 01 04']],
  ['materials.textiles', ['04 02 21', '04 02 22', null]],
  ['materials.chemicals', ['14 06 03', '08 01 11', '07 01 04', null]],
  ['materials.organic', ['02 03 04', '20 01 08', '02 01 03', null]],
  ['materials.glass', ['15 01 07', '10 11 12']],
  ['materials.minerals', ['10 01 01', '17 01 07', '10 02 02']],
  ['energy.heat', [null]],
  ['water.process', [null]],
  ['equipment.machine', [null]],
  ['equipment.vehicle', [null]],
  ['logistics.transport', [null]],
  ['logistics.packaging', ['15 01 03', '15 01 02', null]],
  ['skills.expertise', [null]],
  ['space.storage', [null]],
  ['services.waste-collection', ['15 01 01', '15 01 02', null]],
  ['services.maintenance', [null]],
];
const GENERATED_NAF = [
  '22.29A',
  '16.23Z',
  '25.62B',
  '10.71C',
  '17.21A',
  '24.10Z',
  '23.51Z',
  '38.11Z',
  '20.14Z',
  '49.41A',
  '13.92Z',
  '31.01Z',
  '28.29B',
  '46.69B',
  '11.02B',
];
const UNITS_BY_DIMENSION = [
  ['kg', 't'],
  ['L', 'm3'],
  ['pallet', 'unit'],
] as const;
const FREQUENCIES = ['one-off', 'weekly', 'monthly', 'yearly'] as const;

export interface GeneratedZone {
  organisations: MatchOrganisation[];
  declarations: MatchDeclaration[];
}

/** A zone of `firms` firms spread over ~`radiusKm` with `perFirm` declarations each, reproducible from `seed`. */
export function generateZone(
  seed: number,
  firms: number,
  perFirm: number,
  options: { radiusKm?: number; zoneId?: string; centre?: { lat: number; lng: number } } = {},
): GeneratedZone {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const zoneId = options.zoneId ?? 'zone-1';
  const radius = options.radiusKm ?? 8;
  const centre = options.centre ?? LONS;
  const organisations: MatchOrganisation[] = [];
  const declarations: MatchDeclaration[] = [];
  for (let f = 0; f < firms; f++) {
    const id = `${zoneId}-f${String(f).padStart(4, '0')}`;
    const location = { lat: centre.lat + ((random() - 0.5) * 2 * radius) / 111.2, lng: centre.lng + ((random() - 0.5) * 2 * radius) / 76 };
    const nafCode = pick(GENERATED_NAF);
    organisations.push({ id, zoneId, nafCode, location, name: `Firm ${f}` });
    for (let k = 0; k < perFirm; k++) {
      const [categoryCode, codes] = pick(GENERATED_MATERIALS);
      const units = pick(UNITS_BY_DIMENSION);
      const from = random() < 0.2 ? `2026-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-01` : null;
      declarations.push({
        id: `${id}-d${k}`,
        organisationId: id,
        zoneId,
        kind: random() < 0.5 ? 'offer' : 'need',
        title: `${categoryCode.split('.').pop()} ${pick(['chutes', 'lot', 'surplus', 'besoin', 'recherche', 'stock'])}`,
        description: '',
        categoryCode,
        wasteCode: pick(codes),
        quantity: random() < 0.7 ? Math.round(1 + random() * 100) : null,
        unit: pick(units),
        frequency: pick(FREQUENCIES),
        availableFrom: from,
        availableUntil: from !== null && random() < 0.5 ? from.replace(/-01$/, '-28') : null,
        hazardous: random() < 0.05,
        status: random() < 0.9 ? 'active' : 'closed',
        location: random() < 0.9 ? location : null,
        organisationNaf: nafCode,
      });
    }
  }
  return { organisations, declarations };
}
