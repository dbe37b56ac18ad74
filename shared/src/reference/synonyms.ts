/**
 * French search synonyms of the field vocabulary, for Meilisearch's `synonyms` setting.
 *
 * Meilisearch synonyms are one-way (`a: [b]` makes a search for "a" also match "b"), so
 * they are written here as groups:
 * - MUTUAL groups: every term finds every other (true synonyms, abbreviations, plurals
 *   people type, trade names of the same thing);
 * - ONE_WAY groups: a general term also finds its more specific terms, never the reverse
 *   (a search for "métaux" shows aluminium, a search for "aluminium" does not show steel).
 * Terms are lower-case; Meilisearch handles accents and case itself.
 */
const MUTUAL: readonly (readonly string[])[] = [
  // palettes
  ['palette', 'palettes', 'palette bois', 'palettes bois', 'palette en bois', 'palettes en bois'],
  ['europalette', 'europalettes', 'palette europe', 'palettes europe', 'epal', 'palette epal', 'palette 80x120', 'palettes 80x120', '800x1200'],
  ['palette 100x120', 'palettes 100x120', 'palette industrielle', '1000x1200'],
  ['palette perdue', 'palettes perdues', 'palette non consignée', 'palette à usage unique'],
  // papier glassine et supports d'étiquettes
  [
    'glassine',
    'papier glassine',
    'papier siliconé',
    'support siliconé',
    "support d'étiquettes",
    'support étiquettes',
    'liner',
    'release liner',
    'dorsal',
    'dorsaux',
    'papier dorsal',
  ],
  ['étiquette', 'étiquettes', 'étiquette adhésive', 'étiquettes adhésives', 'autocollant'],
  ['mandrin', 'mandrins', 'tube carton', 'tubes carton', 'noyau carton'],
  // chutes et déchets
  ['chutes', 'rebuts', 'déchets', 'résidus', 'rebut', 'chute', 'déchet', 'résidu'],
  ['copeaux de bois', 'sciure', 'sciures', 'copeaux', 'plaquettes de bois', 'poussière de bois'],
  ['chutes de bois', 'bois de rebut', 'déchets de bois', 'bois de récupération'],
  // papiers et cartons
  ['carton', 'cartons', 'emballage carton', 'emballages carton', 'caisse carton', 'caisses carton', 'carton ondulé'],
  ['papier', 'papiers', 'papier de bureau', 'archives', 'papier à recycler'],
  // plastiques
  ['film', 'films', 'film étirable', 'film plastique', 'films plastiques', 'film pe', 'film polyéthylène', 'film palette', 'housse plastique'],
  ['pe', 'polyéthylène', 'polyethylene'],
  ['pp', 'polypropylène', 'polypropylene'],
  ['carottes', "carottes d'injection", 'grappes', "grappes d'injection", 'purges', "déchets d'injection"],
  ['broyat', 'broyats', 'rebroyé', 'regranulé', 'granulés recyclés', 'matière recyclée', 'mpr', 'matière première recyclée'],
  ['plastique', 'plastiques', 'matière plastique', 'matières plastiques'],
  // contenants
  ['grv', 'ibc', 'cubitainer', 'cubitainers', 'conteneur 1000 l', 'cuve 1000 l', 'container ibc'],
  ['big bag', 'big bags', 'bigbag', 'fibc', 'sac vrac', 'grand récipient vrac souple'],
  ['fût', 'fûts', 'bidon', 'bidons', 'jerrican', 'tonnelet'],
  ['bac', 'bacs', 'caisse plastique', 'caisses plastiques', 'bac gerbable', 'bac navette', 'bac plastique'],
  ['benne', 'bennes', 'caisson', 'conteneur à déchets', 'compacteur'],
  // métaux
  ['ferraille', 'ferrailles', 'métaux', 'métal', 'déchets métalliques', 'mitraille'],
  ['copeaux métalliques', 'tournures', 'limaille', 'copeaux d’usinage', "copeaux d'usinage"],
  ['inox', 'acier inoxydable'],
  ['aluminium', 'alu'],
  // énergie
  ['chaleur fatale', 'énergie fatale', 'calories', 'chaleur perdue', 'chaleur résiduelle', 'rejets thermiques', 'récupération de chaleur'],
  ['froid', 'frigories', 'réfrigération', 'froid positif', 'chambre froide'],
  // équipements
  ['machine', 'équipement', 'matériel', 'temps machine', 'outil de production', 'machines', 'équipements'],
  ['machine de contrôle', 'visiteuse', 'machine de visite', 'contrôle qualité vêtements', 'table de visite'],
  ['chariot élévateur', 'chariot', 'chariots élévateurs', 'engin de manutention', 'gerbeur', 'transpalette'],
  ['nacelle', 'pemp', 'plateforme élévatrice', 'élévateur de personnes'],
  // compétences et personnel
  ['formation', 'formations', 'compétences', 'apprentissage', 'montée en compétences'],
  ['expertise', 'savoir-faire', 'conseil', 'accompagnement technique'],
  [
    'prêt de personnel',
    'mise à disposition de personnel',
    'prêt de main-d’œuvre',
    "prêt de main-d'œuvre",
    'personnel',
    'renfort',
    'salariés partagés',
    'emploi partagé',
  ],
  // logistique et espaces
  ['transport', 'logistique', 'camion', 'fret', 'livraison', 'poids lourd', 'tournée', 'transporteur'],
  ['retour à vide', 'camion vide', 'fret retour', 'trajet retour'],
  ['stockage', 'entrepôt', 'local', 'locaux', 'entreposage', 'surface de stockage', 'hangar', 'stocker'],
  // textiles
  ['textile', 'textiles', 'tissu', 'tissus', 'chutes textiles', 'chutes de tissu', 'étoffe'],
  ['vêtement', 'vêtements', 'habillement', 'confection'],
  ['linge', 'linge réformé', 'draps', 'serviettes', 'chiffons', "chiffons d'essuyage", 'essuyage'],
  // liquides, chimie
  ['huiles usagées', 'huile usagée', 'huile de vidange', 'huile moteur usagée', 'huiles noires'],
  ['huile alimentaire', 'huiles alimentaires', 'huile de friture', 'huiles de friture'],
  ['solvant', 'solvants', 'diluant', 'diluants'],
  ['émulsion', 'émulsions', 'huile soluble', 'liquide de coupe', "fluide d'usinage"],
  ['toner', 'toners', "cartouche d'encre", "cartouches d'encre", 'cartouches'],
  // organique et agroalimentaire
  ['lactosérum', 'petit-lait', 'petit lait', 'sérum', 'sérum de fromagerie'],
  ['drêches', 'drêche', 'drêche de brasserie', 'drêches de brasserie', 'résidus de brassage'],
  ['biodéchets', 'déchets alimentaires', 'déchets organiques', 'fermentescibles', 'déchets de cuisine'],
  ['alimentation animale', 'nourriture animale', 'aliment bétail', 'aliments pour animaux'],
  ['litière', 'litières', 'paillage', 'litière animale'],
  // services
  ['collecte', 'enlèvement', 'ramassage', 'tournée de collecte', 'collecte mutualisée'],
  ['achat groupé', 'achats groupés', "groupement d'achats", 'mutualisation des achats', 'commande groupée'],
  ['maintenance', 'entretien', 'réparation', 'dépannage'],
  // divers
  ['deee', 'd3e', 'déchets électriques', 'équipements électriques usagés'],
  ['pneus', 'pneumatiques', 'pneus usagés'],
  ['gravats', 'inertes', 'déchets de chantier', 'béton concassé'],
  ['verre', 'calcin', 'bouteilles en verre'],
  ['acétate', 'acétate de cellulose', 'plaque acétate', 'plaques acétate'],
  ['lunettes', 'lunetterie', 'monture', 'montures'],
];

const ONE_WAY: readonly (readonly [string, readonly string[]])[] = [
  ['europalette', ['palette', 'palettes']],
  ['europalettes', ['palette', 'palettes']],
  ['palette', ['europalette', 'palette 80x120', 'palette 100x120', 'palette perdue', 'palette plastique']],
  ['palettes', ['europalette', 'palette 80x120', 'palette 100x120', 'palette perdue', 'palette plastique']],
  ['métaux', ['acier', 'inox', 'aluminium', 'cuivre', 'laiton', 'copeaux métalliques', 'tôle']],
  ['ferraille', ['acier', 'inox', 'tôle', 'copeaux métalliques']],
  ['chaleur', ['chaleur fatale', 'calories', 'eau chaude', 'vapeur']],
  ['énergie', ['chaleur', 'électricité', 'froid', 'vapeur']],
  ['polyéthylène', ['pebd', 'pehd', 'film pe']],
  ['plastique', ['pe', 'pp', 'pet', 'pse', 'film', 'carottes']],
  ['bois', ['chutes de bois', 'sciure', 'palette', 'panneaux', 'copeaux de bois']],
  ['papier', ['glassine', 'carton']],
  ['déchets', ['chutes', 'copeaux', 'sciure']],
  ['emballage', ['carton', 'film', 'palette', 'grv', 'big bag', 'fût']],
  ['emballages', ['carton', 'film', 'palette', 'grv', 'big bag', 'fût']],
  ['huile', ['huiles usagées', 'huile alimentaire', 'émulsion']],
  ['huiles', ['huiles usagées', 'huile alimentaire', 'émulsion']],
  ['véhicule', ['camion', 'chariot élévateur', 'utilitaire']],
  ['eau', ['eau de pluie', 'eau chaude', 'eau de process']],
  ['eau de pluie', ['eaux pluviales']],
  ['eaux pluviales', ['eau de pluie']],
];

function build(): Record<string, string[]> {
  const map = new Map<string, Set<string>>();
  const add = (from: string, to: string) => {
    const a = from.toLowerCase();
    const b = to.toLowerCase();
    if (a === b) return;
    let set = map.get(a);
    if (!set) map.set(a, (set = new Set()));
    set.add(b);
  };
  for (const group of MUTUAL) for (const a of group) for (const b of group) add(a, b);
  for (const [from, tos] of ONE_WAY) for (const to of tos) add(from, to);
  return Object.fromEntries([...map].sort(([a], [b]) => a.localeCompare(b, 'fr')).map(([k, v]) => [k, [...v].sort()]));
}

/** Meilisearch `synonyms` setting: term → terms a search for it also matches. */
export const SEARCH_SYNONYMS: Record<string, string[]> = build();

/** The groups, for display (e.g. a facilitator's help page). */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = MUTUAL;
