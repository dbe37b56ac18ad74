/**
 * The category taxonomy of declarations: families, then categories (and a few
 * sub-categories where the field distinguishes them, e.g. glassine within paper).
 * Codes are stable identifiers stored in the database; labels are shown to people.
 */
export interface CategoryDefinition {
  code: string;
  parent: string | null;
  labelFr: string;
  labelEn: string;
}

const c = (code: string, parent: string | null, labelFr: string, labelEn: string): CategoryDefinition => ({
  code,
  parent,
  labelFr,
  labelEn,
});

export const CATEGORIES: readonly CategoryDefinition[] = [
  c('materials', null, 'Matières', 'Materials'),
  c('materials.wood', 'materials', 'Bois et palettes', 'Wood and pallets'),
  c('materials.paper', 'materials', 'Papiers et cartons', 'Paper and cardboard'),
  c('materials.paper.glassine', 'materials.paper', 'Papier glassine et siliconé', 'Glassine and release liner'),
  c('materials.plastics', 'materials', 'Plastiques', 'Plastics'),
  c('materials.metals', 'materials', 'Métaux', 'Metals'),
  c('materials.textiles', 'materials', 'Textiles', 'Textiles'),
  c('materials.chemicals', 'materials', 'Produits chimiques', 'Chemicals'),
  c('materials.organic', 'materials', 'Matières organiques', 'Organic matter'),
  c('materials.glass', 'materials', 'Verre', 'Glass'),
  c('materials.minerals', 'materials', 'Minéraux et inertes', 'Minerals and inert materials'),
  c('energy', null, 'Énergie', 'Energy'),
  c('energy.heat', 'energy', 'Chaleur', 'Heat'),
  c('energy.steam', 'energy', 'Vapeur', 'Steam'),
  c('energy.electricity', 'energy', 'Électricité', 'Electricity'),
  c('energy.cold', 'energy', 'Froid', 'Cooling'),
  c('water', null, 'Eau', 'Water'),
  c('water.process', 'water', 'Eau de process', 'Process water'),
  c('water.rain', 'water', 'Eau de pluie', 'Rainwater'),
  c('water.waste', 'water', 'Eaux usées', 'Wastewater'),
  c('equipment', null, 'Équipements', 'Equipment'),
  c('equipment.machine', 'equipment', 'Machines et temps machine', 'Machines and machine time'),
  c('equipment.tools', 'equipment', 'Outillage et matériel', 'Tools and gear'),
  c('equipment.vehicle', 'equipment', 'Véhicules et engins', 'Vehicles and handling equipment'),
  c('equipment.furniture', 'equipment', 'Mobilier et informatique', 'Furniture and IT'),
  c('logistics', null, 'Logistique et transport', 'Logistics and transport'),
  c('logistics.transport', 'logistics', 'Transport de marchandises', 'Freight transport'),
  c('logistics.packaging', 'logistics', 'Emballages réutilisables', 'Reusable packaging'),
  c('skills', null, 'Compétences et personnel', 'Skills and staff'),
  c('skills.staff', 'skills', 'Mise à disposition de personnel', 'Staff sharing'),
  c('skills.expertise', 'skills', 'Expertise', 'Expertise'),
  c('skills.training', 'skills', 'Formation', 'Training'),
  c('space', null, 'Espaces et stockage', 'Space and storage'),
  c('space.storage', 'space', 'Stockage', 'Storage'),
  c('space.premises', 'space', 'Locaux', 'Premises'),
  c('space.parking', 'space', 'Stationnement', 'Parking'),
  c('services', null, 'Services', 'Services'),
  c('services.waste-collection', 'services', 'Collecte de déchets', 'Waste collection'),
  c('services.maintenance', 'services', 'Maintenance', 'Maintenance'),
  c('services.purchasing', 'services', 'Achats groupés', 'Joint purchasing'),
  c('services.other', 'services', 'Autres services', 'Other services'),
];

export const CATEGORY_CODES = CATEGORIES.map((cat) => cat.code);

const byCode = new Map(CATEGORIES.map((cat) => [cat.code, cat]));

export function findCategory(code: string): CategoryDefinition | undefined {
  return byCode.get(code);
}

/** The family (top-level code) a category belongs to. */
export function categoryFamily(code: string): string {
  const dot = code.indexOf('.');
  return dot < 0 ? code : code.slice(0, dot);
}

/** Whether `code` is `ancestor` or lies below it. */
export function isWithinCategory(code: string, ancestor: string): boolean {
  return code === ancestor || code.startsWith(`${ancestor}.`);
}
