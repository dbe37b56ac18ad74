import { IMPORT_FIELDS, type ImportField, type ImportKind, type ImportMapping } from '@synergies/shared';

/** Lower case, no accents, words separated by one space: "N° SIRET" -> "n siret". */
export function normaliseText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Headers facilitators write, in French first; compared after normaliseText. */
const HEADER_NAMES: Record<ImportKind, Partial<Record<ImportField, string[]>>> = {
  organisations: {
    siret: ['siret', 'n siret', 'no siret', 'numero siret', 'siret etablissement', 'numero de siret'],
    name: ['nom', 'raison sociale', 'entreprise', 'societe', 'nom de l entreprise', 'etablissement', 'name', 'company'],
    nafCode: ['naf', 'code naf', 'ape', 'code ape', 'naf ape', 'code naf ape', 'activite principale'],
    headcount: ['effectif', 'effectifs', 'salaries', 'nombre de salaries', 'nb salaries', 'headcount', 'employees'],
    email: ['email', 'e mail', 'courriel', 'mail', 'adresse mail', 'adresse e mail'],
    phone: ['telephone', 'tel', 'phone', 'numero de telephone'],
    website: ['site web', 'site internet', 'website', 'url', 'web'],
    description: ['description', 'activite', 'presentation'],
    address: ['adresse', 'address', 'rue', 'adresse postale', 'voie'],
    postalCode: ['code postal', 'cp', 'postcode', 'postal code', 'zip'],
    city: ['commune', 'ville', 'city', 'localite'],
    latitude: ['latitude', 'lat', 'y'],
    longitude: ['longitude', 'lon', 'lng', 'long', 'x'],
  },
  declarations: {
    reference: ['reference', 'ref', 'n fiche', 'no fiche', 'numero de fiche', 'id fiche', 'reference fiche', 'n carte', 'numero de carte'],
    firmSiret: ['siret', 'n siret', 'siret entreprise', 'numero siret'],
    firmName: ['entreprise', 'nom', 'raison sociale', 'societe', 'nom de l entreprise', 'company', 'firm'],
    firmPostalCode: ['code postal', 'cp', 'postcode'],
    kind: ['type', 'offre besoin', 'offre ou besoin', 'sens', 'nature', 'kind', 'j ai je cherche', 'type de fiche'],
    title: ['titre', 'intitule', 'ressource', 'libelle', 'objet', 'title'],
    categoryCode: ['categorie', 'category', 'famille', 'thematique', 'flux'],
    description: ['description', 'commentaire', 'commentaires', 'details', 'precisions'],
    quantity: ['quantite', 'qte', 'quantity', 'volume', 'gisement'],
    unit: ['unite', 'unit', 'unites'],
    frequency: ['frequence', 'periodicite', 'frequency', 'rythme'],
    wasteCode: ['code dechet', 'code ced', 'ced', 'code nomenclature dechet', 'nomenclature dechet', 'waste code', 'code lod'],
  },
};

/** Suggests which header feeds each field; a header serves one field at most. */
export function suggestMapping(kind: ImportKind, headers: string[]): ImportMapping {
  const normalised = headers.map(normaliseText);
  const used = new Set<number>();
  const mapping: ImportMapping = {};
  for (const field of IMPORT_FIELDS[kind]) {
    const names = HEADER_NAMES[kind][field] ?? [];
    const index = names.map((n) => normalised.findIndex((h, i) => h === n && !used.has(i))).find((i) => i >= 0);
    if (index !== undefined) used.add(index);
    mapping[field] = index !== undefined ? headers[index]! : null;
  }
  return mapping;
}

/** A sheet of declarations has a kind and a title; anything else is taken for a list of firms. */
export function guessKind(headers: string[]): ImportKind {
  const mapping = suggestMapping('declarations', headers);
  return mapping.kind && mapping.title ? 'declarations' : 'organisations';
}

/** Keeps the template's choices whose header is in this sheet; the other fields are suggested. */
export function applyTemplate(kind: ImportKind, headers: string[], template: ImportMapping): ImportMapping {
  const suggested = suggestMapping(kind, headers);
  const present = new Set(headers);
  const out: ImportMapping = {};
  for (const field of IMPORT_FIELDS[kind]) {
    const chosen = template[field];
    out[field] = chosen !== undefined && (chosen === null || present.has(chosen)) ? chosen : (suggested[field] ?? null);
  }
  return out;
}
