/**
 * Public sources that vouch for the knowledge tables of this folder, cited briefly in
 * the reasons shown to people (short name + link), never as a whole reference inline.
 * Facts drawn from them (which sectors consume, treat or use a flow) were written by
 * hand as curated tables; no table was derived from the MAESTRI cases.
 */
export interface PublicSource {
  id: string;
  /** Short citation shown in a reason. */
  short: string;
  url: string;
  licence: string;
}

export const PUBLIC_SOURCES = {
  eurostatEnergy: {
    id: 'eurostatEnergy',
    short: 'Eurostat, bilans énergétiques par secteur, nrg_bal_c',
    url: 'https://ec.europa.eu/eurostat/databrowser/view/nrg_bal_c/default/table',
    licence: 'CC BY 4.0 (Eurostat reuse policy, Commission Decision 2011/833/EU)',
  },
  eurostatIo: {
    id: 'eurostatIo',
    short: 'Eurostat, tableaux entrées-sorties FIGARO, naio_10_fcp_ip1',
    url: 'https://ec.europa.eu/eurostat/web/esa-supply-use-input-tables',
    licence: 'CC BY 4.0 (Eurostat reuse policy, Commission Decision 2011/833/EU)',
  },
  eurostatWaste: {
    id: 'eurostatWaste',
    short: 'Eurostat, traitement des déchets par catégorie, env_wastrt et NACE Rév. 2 div. 38',
    url: 'https://ec.europa.eu/eurostat/databrowser/view/env_wastrt/default/table',
    licence: 'CC BY 4.0 (Eurostat reuse policy, Commission Decision 2011/833/EU)',
  },
  naceNotes: {
    id: 'naceNotes',
    short: 'NACE Rév. 2 / NAF rév. 2, notes explicatives, Eurostat, Insee',
    url: 'https://www.insee.fr/fr/information/2406147',
    licence: 'Licence Ouverte / Etalab 2.0 (Insee); CC BY 4.0 (Eurostat)',
  },
  brefWasteTreatment: {
    id: 'brefWasteTreatment',
    short: 'JRC, BREF Traitement des déchets, 2018',
    url: 'https://eippcb.jrc.ec.europa.eu/reference/waste-treatment-0',
    licence: '© European Union, reuse authorised (Commission Decision 2011/833/EU)',
  },
  brefNonFerrous: {
    id: 'brefNonFerrous',
    short: 'JRC, BREF Métaux non ferreux, 2017',
    url: 'https://eippcb.jrc.ec.europa.eu/reference/non-ferrous-metals-industries-0',
    licence: '© European Union, reuse authorised (Commission Decision 2011/833/EU)',
  },
  brefIronSteel: {
    id: 'brefIronSteel',
    short: 'JRC, BREF Sidérurgie, 2012',
    url: 'https://eippcb.jrc.ec.europa.eu/reference/iron-and-steel-production-0',
    licence: '© European Union, reuse authorised (Commission Decision 2011/833/EU)',
  },
  brefCement: {
    id: 'brefCement',
    short: 'JRC, BREF Ciment, chaux et magnésie, 2013',
    url: 'https://eippcb.jrc.ec.europa.eu/reference/production-cement-lime-and-magnesium-oxide-0',
    licence: '© European Union, reuse authorised (Commission Decision 2011/833/EU)',
  },
  brefFood: {
    id: 'brefFood',
    short: 'JRC, BREF Agroalimentaire et lait, 2019',
    url: 'https://eippcb.jrc.ec.europa.eu/reference/food-drink-and-milk-industries-0',
    licence: '© European Union, reuse authorised (Commission Decision 2011/833/EU)',
  },
  brefChemicals: {
    id: 'brefChemicals',
    short: 'JRC, BREF Chimie minérale et engrais, LVIC-AAF, 2007',
    url: 'https://eippcb.jrc.ec.europa.eu/reference/large-volume-inorganic-chemicals-ammonia-acids-and-fertilisers',
    licence: '© European Union, reuse authorised (Commission Decision 2011/833/EU)',
  },
  brefPaper: {
    id: 'brefPaper',
    short: 'JRC, BREF Pâtes, papiers et cartons, 2015',
    url: 'https://eippcb.jrc.ec.europa.eu/reference/production-pulp-paper-and-board',
    licence: '© European Union, reuse authorised (Commission Decision 2011/833/EU)',
  },
  ademeHeat: {
    id: 'ademeHeat',
    short: 'ADEME, La chaleur fatale, 2017',
    url: 'https://librairie.ademe.fr/energies/3304-chaleur-fatale-la.html',
    licence: 'facts cited with attribution (ADEME publication)',
  },
  abpRegulation: {
    id: 'abpRegulation',
    short: 'Règlement CE 1069/2009, sous-produits animaux',
    url: 'https://eur-lex.europa.eu/eli/reg/2009/1069/oj',
    licence: 'EUR-Lex, reuse authorised (Commission Decision 2011/833/EU)',
  },
  batteryDirective: {
    id: 'batteryDirective',
    short: 'Règlement UE 2023/1542, batteries',
    url: 'https://eur-lex.europa.eu/eli/reg/2023/1542/oj',
    licence: 'EUR-Lex, reuse authorised (Commission Decision 2011/833/EU)',
  },
} as const satisfies Record<string, PublicSource>;

export type SourceId = keyof typeof PUBLIC_SOURCES;
