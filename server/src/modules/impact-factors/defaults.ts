import type { ImpactFactorValues } from '../synergies/impact';

const UK_2024 = 'UK Government GHG Conversion Factors for Company Reporting 2024 (DESNZ), "Material use", primary material production';
const ADEME = 'ADEME, Base Empreinte® (ex-Base Carbone®)';
const COSTS = "Coûts évités : ordre de grandeur d'une élimination en DIB avec TGAP 2025 et d'un achat évité (ADEME, référentiel des coûts du service public de gestion des déchets) — à ajuster par zone";

/**
 * Impact factors seeded on first start; admins edit them afterwards (the seed never
 * overwrites an edited row). Values are indicative orders of magnitude with their source named.
 */
export const DEFAULT_IMPACT_FACTORS: (ImpactFactorValues & { source: string })[] = [
  { categoryCode: 'default', co2eKgPerTonne: 500, eurosPerTonne: 120, kgPerUnit: 1, referenceTripKm: 30, tonnesPerTrip: 5, source: `Valeur par défaut prudente. ${COSTS}` },
  { categoryCode: 'materials.wood', co2eKgPerTonne: 313, eurosPerTonne: 90, kgPerUnit: 25, referenceTripKm: 30, tonnesPerTrip: 6, source: `${UK_2024} : wood. Palette ≈ 25 kg. ${COSTS}` },
  { categoryCode: 'materials.paper', co2eKgPerTonne: 919, eurosPerTonne: 110, kgPerUnit: 1, referenceTripKm: 40, tonnesPerTrip: 5, source: `${UK_2024} : paper. ${COSTS}` },
  { categoryCode: 'materials.paper.glassine', co2eKgPerTonne: 919, eurosPerTonne: 140, kgPerUnit: 1, referenceTripKm: 60, tonnesPerTrip: 4, source: `${UK_2024} : paper (glassine assimilé). ${COSTS}` },
  { categoryCode: 'materials.plastics', co2eKgPerTonne: 3116, eurosPerTonne: 250, kgPerUnit: 1, referenceTripKm: 50, tonnesPerTrip: 3, source: `${UK_2024} : plastics, average plastics. ${COSTS}` },
  { categoryCode: 'materials.metals', co2eKgPerTonne: 2855, eurosPerTonne: 150, kgPerUnit: 1, referenceTripKm: 40, tonnesPerTrip: 8, source: `${UK_2024} : metal (acier). ${COSTS}` },
  { categoryCode: 'materials.textiles', co2eKgPerTonne: 22310, eurosPerTonne: 400, kgPerUnit: 0.5, referenceTripKm: 60, tonnesPerTrip: 3, source: `${UK_2024} : clothing. ${COSTS}` },
  { categoryCode: 'materials.glass', co2eKgPerTonne: 1402, eurosPerTonne: 60, kgPerUnit: 1, referenceTripKm: 40, tonnesPerTrip: 10, source: `${UK_2024} : glass. ${COSTS}` },
  { categoryCode: 'materials.minerals', co2eKgPerTonne: 8, eurosPerTonne: 25, kgPerUnit: 1600, referenceTripKm: 20, tonnesPerTrip: 20, source: `${UK_2024} : aggregates. ${COSTS}` },
  { categoryCode: 'materials.organic', co2eKgPerTonne: 450, eurosPerTonne: 70, kgPerUnit: 1, referenceTripKm: 30, tonnesPerTrip: 10, source: `${ADEME} : ordre de grandeur des aliments pour animaux évités. ${COSTS}` },
  { categoryCode: 'materials.chemicals', co2eKgPerTonne: 1000, eurosPerTonne: 600, kgPerUnit: 1, referenceTripKm: 80, tonnesPerTrip: 5, source: `${ADEME} : ordre de grandeur des produits chimiques de base. Coût d'élimination en déchets dangereux.` },
  { categoryCode: 'logistics.packaging', co2eKgPerTonne: 1500, eurosPerTonne: 200, kgPerUnit: 15, referenceTripKm: 40, tonnesPerTrip: 3, source: `${UK_2024} : moyenne plastiques/bois des emballages réutilisés. ${COSTS}` },
];
