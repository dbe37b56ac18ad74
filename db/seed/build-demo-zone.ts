/**
 * Builds db/seed/lons-perrigny.json, the demo zone "Zone industrielle de Lons-Perrigny",
 * deterministically (same input, same bytes), and checks it against the exchange schema.
 *
 *   cd /work/main && npx tsx db/seed/build-demo-zone.ts
 *
 * The firms are fictional (invented names, SIRETs made valid with the Luhn key); the
 * sectors, flows and synergies are those of the real zone's 2023 workshops (clothing
 * inspection machine, wooden pallets of specific formats, pooled glassine collection).
 * Only the JSON is read at runtime; this script is a tool for editing it.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ZONE_EXCHANGE_FORMAT,
  ZoneExchange,
  findCategory,
  findWasteCode,
  haversineKm,
  isValidSiret,
  luhnValid,
  withSiretCheckDigit,
  type Frequency,
  type Unit,
  type ZoneExchangeInput,
} from '@synergies/shared';

const OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'lons-perrigny.json');

// ---------------------------------------------------------------------------------------
// Deterministic identifiers

/** A UUID v4-shaped id derived from a stable key, so ids never change between runs. */
function uuid(key: string): string {
  const h = createHash('sha256').update(`synergies-demo:${key}`).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A fictional SIREN whose own Luhn key is right, then the SIRET of its establishment 0001x. */
function siret(key: string): string {
  const h = createHash('sha256').update(`siren:${key}`).digest();
  let base = String(8 + (h[0]! % 2)); // recent SIRENs start with 8 or 9
  for (let i = 1; base.length < 8; i++) base += String(h[i]! % 10);
  let siren = '';
  for (let d = 0; d <= 9; d++) if (luhnValid(base + d)) siren = base + d;
  return withSiretCheckDigit(`${siren}0001`);
}

// ---------------------------------------------------------------------------------------
// Declarations

type Condition = 'new' | 'good' | 'used' | 'to-repair' | 'scrap';
type Opts = {
  /** List of Waste code; the asterisk and the hazard flag are added from the list. */
  w?: string;
  q?: number;
  u?: Unit;
  f?: Frequency;
  cond?: Condition;
  p?: 'free' | 'sale' | 'exchange';
  /** Euros excl. VAT per unit (price asked for an offer, budget for a need). */
  amt?: number;
  st?: 'active' | 'reserved' | 'closed';
  vis?: 'zone' | 'all';
  /** Index of the organisation's site; 0 by default. */
  site?: number;
  from?: string;
  until?: string | null;
};
type Decl = { kind: 'offer' | 'need'; title: string; cat: string; desc: string } & Opts;

const O = (title: string, cat: string, desc: string, o: Opts = {}): Decl => ({ kind: 'offer', title, cat, desc, ...o });
const N = (title: string, cat: string, desc: string, o: Opts = {}): Decl => ({ kind: 'need', title, cat, desc, ...o });

type SiteDef = { name: string; address: string; postalCode: string; city: string; lat: number; lon: number };
type OrgDef = {
  key: string;
  name: string;
  naf: string;
  headcount: number;
  description: string;
  member?: boolean;
  phone?: string;
  sites: SiteDef[];
  decls: Decl[];
};

const PERRIGNY = { postalCode: '39570', city: 'Perrigny' };
const LONS = { postalCode: '39000', city: 'Lons-le-Saunier' };
const MONTMOROT = { postalCode: '39570', city: 'Montmorot' };
const site = (name: string, address: string, town: typeof PERRIGNY, lat: number, lon: number): SiteDef => ({
  name,
  address,
  ...town,
  lat,
  lon,
});

// ---------------------------------------------------------------------------------------
// The firms (fictional) and what they declare

const ORGS: OrgDef[] = [
  {
    key: 'plastiques-revermont',
    name: 'Plastiques du Revermont',
    naf: '22.29A',
    headcount: 160,
    description:
      "Injection de pièces techniques en thermoplastiques (PP, ABS, PA6) pour l'automobile, l'électroménager et la lunetterie : 28 presses de 50 à 650 t, outillage en interne. Certifiée ISO 9001 et 14001.",
    phone: '03 53 48 10 01',
    sites: [
      site('Usine de Perrigny', '14 rue Denis Papin', PERRIGNY, 46.6652, 5.5841),
      site('Magasin matières de Montmorot', '3 rue des Salines', MONTMOROT, 46.6811, 5.5352),
    ],
    decls: [
      O(
        'Palettes bois 80x120 non standard',
        'materials.wood',
        'Palettes perdues 80x120 de réception des granulés (non EPAL : planches minces, 4 entrées, charge conseillée 500 kg). Environ 120 par mois, à 80 % en bon état pour un second usage (stockage, expéditions locales légères). Enlèvement sur notre quai par lots de 20, du lundi au vendredi de 7 h à 15 h.',
        { w: '15 01 03', q: 120, u: 'pallet', f: 'monthly', cond: 'used', p: 'free' },
      ),
      O(
        "Carottes et purges d'injection PP et ABS triées",
        'materials.plastics',
        "Carottes, grappes et purges de démarrage en PP copolymère (70 %) et ABS (30 %), triées par matière et par couleur (naturel, noir, gris). Aucune matière chargée verre ni mélange. Conditionnement en octabins d'environ 350 kg. Prix indicatif à la tonne, départ usine.",
        { w: '07 02 13', q: 3, u: 't', f: 'monthly', cond: 'scrap', p: 'sale', amt: 120 },
      ),
      O(
        'Film étirable et housses PE usagés',
        'materials.plastics',
        'Film étirable et housses en PEBD issus du déconditionnement des palettes de matière. Propre et sec, quelques étiquettes adhésives. Mis en balles de 250 kg sur notre presse à balles verticale.',
        { w: '15 01 02', q: 450, u: 'kg', f: 'monthly', cond: 'used', p: 'free' },
      ),
      O(
        'Octabins carton usagés 1200x800',
        'logistics.packaging',
        'Octabins en carton triple cannelure avec fond, ayant contenu des granulés plastiques. Réutilisables deux ou trois fois pour du vrac sec non alimentaire. Pliés à plat, sans sacs intérieurs.',
        { w: '15 01 01', q: 60, u: 'unit', f: 'monthly', cond: 'used', p: 'free', site: 1 },
      ),
      O(
        'Chaleur fatale des compresseurs et du refroidissement des moules',
        'energy.heat',
        "Les compresseurs d'air et la boucle de refroidissement des moules dissipent environ 650 MWh par an, toute l'année, 5 jours sur 7. Récupération possible sur une boucle d'eau à 40–45 °C en limite de propriété côté rue Denis Papin. Étude de faisabilité à mener avec un voisin intéressé (chauffage, préchauffage d'eau).",
        { q: 650, u: 'MWh', f: 'yearly', p: 'free', vis: 'all' },
      ),
      O(
        'Temps de presse à injecter 250 t',
        'equipment.machine',
        "Presse 250 t (vis de 50 mm, 480 cm³ injectables, robot 3 axes) disponible environ 40 h par mois en équipe de nuit, avec régleur. Pour présérie, petite série ou dépannage d'un confrère en cas de panne.",
        { q: 40, u: 'hour', f: 'monthly', p: 'sale', amt: 65 },
      ),
      O(
        'Surface de stockage couvert à Montmorot',
        'space.storage',
        'Environ 300 m² libres dans notre magasin matières de Montmorot (bâtiment fermé, sol béton, accès poids lourds, chariot sur place). Location au mois, idéal pour du stock tampon ou saisonnier.',
        { q: 300, u: 'm2', f: 'monthly', p: 'sale', amt: 3.5, site: 1 },
      ),
      N(
        'Palettes 100x120 pour expéditions export',
        'materials.wood',
        "Nos clients allemands exigent des palettes 100x120 solides (charge 1 t, 3 semelles). Nous achetons des palettes d'occasion en bon état ou reconditionnées, environ 60 par mois. Échange possible contre nos palettes 80x120 non standard.",
        { w: '15 01 03', q: 60, u: 'pallet', f: 'monthly', cond: 'good', p: 'sale', amt: 6 },
      ),
      N(
        'Achat groupé de film étirable',
        'services.purchasing',
        "Nous consommons environ 3 t par an de film étirable machine 17 µm. Intéressés par une commande groupée à l'échelle de la zone pour baisser le prix et passer ensemble à un film pré-étiré plus fin (moins de plastique).",
        { q: 3, u: 't', f: 'yearly', p: 'sale', amt: 2100 },
      ),
      N(
        'Régleur presses à injecter en renfort',
        'skills.staff',
        "Renfort d'un régleur expérimenté en injection thermoplastique pendant 4 semaines en février pour le démarrage d'une nouvelle série. Prêt de main-d'œuvre à but non lucratif entre entreprises de la zone.",
        { q: 20, u: 'day', f: 'one-off', from: '2027-02-01', until: '2027-02-26' },
      ),
      N(
        'Collecte mutualisée des déchets industriels banals',
        'services.waste-collection',
        'Nous cherchons à regrouper avec nos voisins de la rue Denis Papin la collecte des DIB (bennes de 30 m³) pour réduire le nombre de rotations de camions et le coût par tonne.',
        { q: 6, u: 't', f: 'monthly', st: 'reserved' },
      ),
    ],
  },
  {
    key: 'extrujura',
    name: 'ExtruJura Profilés',
    naf: '22.21Z',
    headcount: 88,
    description:
      "Extrusion de tubes en PEHD et de profilés en PVC (goulottes, baguettes, profilés sur plan) pour le bâtiment et l'industrie. Six lignes d'extrusion en 3×8.",
    sites: [site('Site de production', '22 rue Gustave Eiffel', PERRIGNY, 46.6621, 5.5903)],
    decls: [
      O(
        'Chutes de tubes PEHD en longueur',
        'materials.plastics',
        'Chutes de tubes PEHD noirs Ø 20 à 110 mm, longueurs de 0,5 à 3 m, issues des changements de diamètre et des démarrages de ligne. Matière monomatière non souillée, idéale pour broyage et régénération.',
        { w: '07 02 13', q: 1.5, u: 't', f: 'monthly', cond: 'scrap', p: 'sale', amt: 150 },
      ),
      O(
        "Profilés PVC déclassés pour défaut d'aspect",
        'materials.plastics',
        "Profilés PVC blancs (goulottes, baguettes d'angle, couvre-joints) déclassés pour défaut d'aspect. Utilisables pour des usages non visibles : calage, agencement d'atelier, bricolage, ateliers de réemploi.",
        { w: '07 02 13', q: 800, u: 'kg', f: 'monthly', cond: 'good', p: 'free' },
      ),
      O(
        'Mandrins carton Ø 76 mm de bobines de film',
        'materials.paper',
        'Mandrins carton de 1 m, épaisseur 10 mm, propres et secs, issus de nos bobines de film de protection.',
        { w: '15 01 01', q: 200, u: 'unit', f: 'monthly', cond: 'used', p: 'free' },
      ),
      O(
        'Palettes 100x120 de livraison de résine',
        'materials.wood',
        'Palettes 100x120 lourdes (type chimie, 3 semelles) arrivant avec les sacs de résine PVC. Bon état général ; nous n’en avons pas l’usage au-delà de notre stock tampon. Une quarantaine par mois.',
        { w: '15 01 03', q: 40, u: 'pallet', f: 'monthly', cond: 'good', p: 'free' },
      ),
      N(
        'Big bags vides pour stocker du broyat',
        'logistics.packaging',
        'Big bags 90x90x120 avec jupe de remplissage et manchon de vidange, en bon état (pas de déchirure), pour stocker notre broyat interne de PVC.',
        { q: 30, u: 'unit', f: 'monthly', cond: 'used', p: 'free' },
      ),
      N(
        'Électricien de maintenance en temps partagé',
        'skills.staff',
        "Nous souhaitons partager un électricien-automaticien de maintenance (habilitation BR/B2V) avec une ou deux entreprises voisines, deux jours par mois, éventuellement via un groupement d'employeurs.",
        { q: 2, u: 'day', f: 'monthly' },
      ),
      N(
        'Froid process pour les bacs de refroidissement',
        'energy.cold',
        "Nos bacs de calibrage demandent de l'eau à 12–15 °C. Nous étudions une production de froid mutualisée ou l'utilisation d'une eau de nappe ou de process d'un voisin.",
        { q: 120, u: 'MWh', f: 'yearly' },
      ),
    ],
  },
  {
    key: 'fruitiere-valliere',
    name: 'Fruitière coopérative de la Vallière',
    naf: '10.51C',
    headcount: 42,
    description:
      "Coopérative laitière fabriquant du Comté AOP et du Morbier à partir du lait de 48 exploitations du Revermont ; caves d'affinage et magasin de vente.",
    phone: '03 53 48 10 03',
    sites: [site('Fromagerie et caves', '5 chemin de la Fromagerie', PERRIGNY, 46.6702, 5.5918)],
    decls: [
      O(
        'Lactosérum doux de fabrication du Comté',
        'materials.organic',
        'Lactosérum doux issu de la fabrication du Comté, disponible chaque jour en sortie de cuve (environ 120 m³ par semaine). Une partie part déjà vers un élevage porcin ; nous cherchons un second débouché : alimentation animale, méthanisation ou ingrédient. Enlèvement en citerne.',
        { w: '02 05 01', q: 120, u: 'm3', f: 'weekly', p: 'free', vis: 'all' },
      ),
      O(
        'Talons et chutes de découpe de Comté',
        'materials.organic',
        'Talons, croûtes brossées et chutes de découpe de Comté 12 à 18 mois, propres à la consommation humaine (chaîne du froid respectée, traçabilité par lot). Idéal pour râpé, gratins, plats cuisinés.',
        { q: 300, u: 'kg', f: 'monthly', cond: 'good', p: 'sale', amt: 2.5 },
      ),
      O(
        'Cercles de moulage et toiles réformés',
        'equipment.tools',
        'Cercles de moulage en PEHD et toiles à fromage réformés après renouvellement du matériel. Réemploi possible en maraîchage, en atelier ou pour des usages non alimentaires.',
        { q: 150, u: 'unit', f: 'one-off', cond: 'used', p: 'free' },
      ),
      O(
        'Fromagers disponibles en intersaison',
        'skills.staff',
        "Hors pic laitier (novembre à février), deux fromagers peuvent être mis à disposition d'une entreprise agroalimentaire voisine : hygiène, nettoyage en place, conduite de ligne. Prêt de personnel à but non lucratif.",
        { q: 40, u: 'day', f: 'yearly', p: 'exchange', from: '2026-11-02', until: '2027-02-26' },
      ),
      N(
        "Chaleur basse température pour l'eau de lavage",
        'energy.heat',
        "Besoin d'eau chaude à 55–60 °C pour le nettoyage des cuves et du matériel (NEP), environ 250 MWh par an. Une source de chaleur fatale voisine permettrait de préchauffer l'eau et de réduire notre consommation de fioul.",
        { q: 250, u: 'MWh', f: 'yearly' },
      ),
      N(
        "Palettes bois 100x120 pour les caves d'affinage",
        'materials.wood',
        'Palettes 100x120 propres et saines (sans moisissure ni traitement chimique) pour le stockage des cartons de portions en cave.',
        { w: '15 01 03', q: 20, u: 'pallet', f: 'monthly', cond: 'good', p: 'sale', amt: 5 },
      ),
    ],
  },
  {
    key: 'cremeries-ledoniennes',
    name: 'Crèmeries Lédoniennes',
    naf: '10.51D',
    headcount: 95,
    description:
      'Fabrication de yaourts, fromages blancs et desserts lactés au lait du Jura, pour la grande distribution régionale et la restauration collective.',
    sites: [site('Laiterie', '9 rue de la Lième', LONS, 46.6698, 5.5628)],
    decls: [
      O(
        'Yaourts et desserts lactés en fin de DLC',
        'materials.organic',
        'Produits conformes retirés du circuit commercial à J-5 de la date limite. Don alimentaire en priorité (associations), puis alimentation animale. Enlèvement sous froid obligatoire, palettes filmées.',
        { w: '02 05 01', q: 1.2, u: 't', f: 'weekly', cond: 'good', p: 'free' },
      ),
      O(
        "Bobines de film d'operculage mal imprimées",
        'materials.plastics',
        "Bobines de film d'operculage (PET/aluminium) neuves mais déclassées pour défaut d'impression. Matériau composite, à réserver au réemploi ou à une filière adaptée.",
        { w: '15 01 05', q: 400, u: 'kg', f: 'monthly', cond: 'scrap', p: 'free' },
      ),
      O(
        'Seaux PEHD 10 L alimentaires vides',
        'logistics.packaging',
        'Seaux de 10 L avec couvercle, ayant contenu des préparations de fruits. Lavés. Aptes au contact alimentaire à l’origine.',
        { w: '15 01 02', q: 150, u: 'unit', f: 'monthly', cond: 'used', p: 'free' },
      ),
      N(
        'Achat groupé de film étirable',
        'services.purchasing',
        "Environ 1,8 t par an de film étirable manuel et machine. Partants pour une commande groupée avec d'autres entreprises de la zone.",
        { q: 1.8, u: 't', f: 'yearly' },
      ),
      N(
        'Caisses plastiques alimentaires 600x400',
        'logistics.packaging',
        'Bacs gerbables 600x400 aptes au contact alimentaire, pour les navettes entre conditionnement et expédition. Occasion acceptée si bon état.',
        { q: 500, u: 'unit', f: 'one-off', cond: 'good', p: 'sale', amt: 3 },
      ),
      N(
        'Collecte mutualisée des biodéchets',
        'services.waste-collection',
        'Nous cherchons une collecte mutualisée des biodéchets de la zone vers un méthaniseur : nos volumes seuls ne justifient pas une tournée dédiée.',
        { q: 2, u: 't', f: 'weekly', vis: 'all' },
      ),
      N(
        'Stockage frigorifique positif en pic de production',
        'space.storage',
        '40 emplacements palettes à +4 °C en mai et juin, au plus près de la laiterie (moins de 5 km).',
        { q: 40, u: 'pallet', f: 'yearly', from: '2027-05-01', until: '2027-06-30' },
      ),
    ],
  },
  {
    key: 'cuisines-perrigny',
    name: 'Les Cuisines de Perrigny',
    naf: '10.85Z',
    headcount: 135,
    description:
      'Plats cuisinés frais et surgelés (gratins, quiches, plats du terroir jurassien) pour la restauration collective et les traiteurs de Bourgogne-Franche-Comté.',
    sites: [site('Cuisine centrale', '31 rue Blaise Pascal', PERRIGNY, 46.6634, 5.5782)],
    decls: [
      N(
        'Talons et chutes de Comté pour gratins',
        'materials.organic',
        'Chutes et talons de Comté propres à la consommation humaine, pour nos gratins et croûtes au fromage. Régularité souhaitée, environ 250 kg par mois.',
        { q: 250, u: 'kg', f: 'monthly', p: 'sale', amt: 3 },
      ),
      O(
        'Épluchures et biodéchets de préparation',
        'materials.organic',
        'Épluchures de légumes, parures et restes de préparation triés à la source en bacs de 240 L (environ 3 t par semaine). Débouché recherché : méthanisation ou compostage.',
        { w: '02 03 04', q: 3, u: 't', f: 'weekly', cond: 'scrap', p: 'free' },
      ),
      O(
        'Huile de friture usagée',
        'materials.organic',
        'Huile de tournesol usagée des friteuses industrielles, stockée en fûts de 200 L. Pour collecte et transformation en biocarburant.',
        { w: '20 01 25', q: 400, u: 'L', f: 'monthly', cond: 'scrap', p: 'sale', amt: 0.3 },
      ),
      O(
        'Emplacements en chambre froide négative',
        'space.storage',
        '20 emplacements palettes à -20 °C libres de mars à septembre. Accès quai, horaires 5 h–19 h.',
        { q: 20, u: 'pallet', f: 'monthly', p: 'sale', amt: 12, from: '2027-03-01', until: '2027-09-30' },
      ),
      N(
        'Achat groupé de film étirable',
        'services.purchasing',
        'Environ 2,5 t par an de film étirable. Intéressés par une commande groupée avec les autres entreprises agroalimentaires de la zone.',
        { q: 2.5, u: 't', f: 'yearly' },
      ),
      N(
        "Cartons d'expédition de réemploi",
        'materials.paper',
        'Caisses carton double cannelure en bon état, format proche de 400x300x200 mm, pour nos expéditions de produits secs vers la restauration collective.',
        { q: 2000, u: 'unit', f: 'monthly', cond: 'used', p: 'free' },
      ),
      N(
        'Chauffeur-livreur frigorifique en renfort l’été',
        'skills.staff',
        'Un chauffeur permis C pour nos tournées frigorifiques de juillet et août (remplacement des congés).',
        { q: 40, u: 'day', f: 'yearly', from: '2027-07-01', until: '2027-08-31' },
      ),
    ],
  },
  {
    key: 'biscuiterie-coteaux',
    name: 'Biscuiterie des Coteaux du Jura',
    naf: '10.72Z',
    headcount: 60,
    description: 'Biscuits secs, sablés et pains d’épices au beurre, vendus en épiceries fines et en grande distribution.',
    sites: [site('Biscuiterie', '7 rue des Vignes', MONTMOROT, 46.6784, 5.5398)],
    decls: [
      O(
        'Brisures et biscuits déclassés',
        'materials.organic',
        "Brisures de biscuits secs (farine, beurre, sucre), casse de ligne et produits hors calibre. Conviennent à l'alimentation animale (bovins, porcins). Big bags de 500 kg, environ 1,5 t par mois.",
        { w: '02 06 01', q: 1.5, u: 't', f: 'monthly', cond: 'good', p: 'sale', amt: 80 },
      ),
      N(
        'Drêches de brasserie pour une farine upcyclée',
        'materials.organic',
        'Nous développons un sablé à la farine de drêches. Besoin de drêches fraîches (moins de 24 h) pour des essais de séchage, puis en régulier.',
        { w: '02 07 04', q: 200, u: 'kg', f: 'monthly', p: 'free' },
      ),
      O('Cartons de matières premières pliés', 'materials.paper', 'Cartons de farine, sucre et emballages de beurre, pliés et mis en balles. Propres.', {
        w: '15 01 01',
        q: 600,
        u: 'kg',
        f: 'monthly',
        cond: 'used',
        p: 'free',
      }),
      N(
        'Palettes 80x120 pour expéditions',
        'materials.wood',
        'Palettes 80x120 en bon état, EPAL ou non, pour nos expéditions vers les plateformes régionales (charge 400 kg).',
        { w: '15 01 03', q: 30, u: 'pallet', f: 'monthly', cond: 'good', p: 'sale', amt: 4 },
      ),
      O(
        'Four tunnel disponible le samedi',
        'equipment.machine',
        'Four tunnel gaz de 20 m disponible le samedi pour de la cuisson à façon (biscuits, granolas) ou de la déshydratation. Conduite par notre équipe.',
        { q: 16, u: 'hour', f: 'monthly', p: 'sale', amt: 90 },
      ),
    ],
  },
  {
    key: 'brasserie-trouvaille',
    name: 'Brasserie artisanale La Trouvaille',
    naf: '11.05Z',
    headcount: 9,
    description: 'Brasserie artisanale : bières blondes, ambrées et saisonnières au malt bio, en fûts et bouteilles ; bar de dégustation.',
    sites: [site('Brasserie', '2 impasse des Tilleuls', LONS, 46.6731, 5.5587)],
    decls: [
      O(
        'Drêches de brasserie fraîches',
        'materials.organic',
        "Drêches d'orge maltée humides (environ 75 % d'eau), issues de trois brassins par semaine, disponibles le lendemain de chaque brassage. À enlever sous 48 h (fermentation). Idéal pour l'alimentation bovine ; conditionnées en bacs de 200 L.",
        { w: '02 07 04', q: 1.8, u: 't', f: 'weekly', cond: 'good', p: 'free', vis: 'all' },
      ),
      O(
        'Levures de brasserie en fin de cycle',
        'materials.organic',
        'Levures de fermentation en fin de réensemencement, en bidons de 20 L. Alimentation animale, compostage ou essais culinaires.',
        { w: '02 07 04', q: 150, u: 'L', f: 'monthly', cond: 'scrap', p: 'free' },
      ),
      O(
        'Poussières et enveloppes de concassage du malt',
        'materials.organic',
        'Poussières et enveloppes de grain issues du concassage du malt, en sacs de 25 kg.',
        { w: '02 07 01', q: 40, u: 'kg', f: 'monthly', cond: 'scrap', p: 'free' },
      ),
      N(
        'Palettes 80x120 pour expédition de fûts',
        'materials.wood',
        'Palettes 80x120 solides (fûts inox de 30 L, environ 600 kg par palette), EPAL ou équivalent.',
        { w: '15 01 03', q: 15, u: 'pallet', f: 'monthly', cond: 'good', p: 'sale', amt: 4 },
      ),
      N(
        "GRV 1000 L propres pour stocker de l'eau",
        'logistics.packaging',
        "Quatre GRV (IBC) de 1 000 L rincés, ayant contenu des produits non dangereux, pour stocker l'eau de rinçage réutilisée au nettoyage des sols.",
        { q: 4, u: 'unit', f: 'one-off', cond: 'used', p: 'sale', amt: 40 },
      ),
      N(
        'Local de 40 m² pour matières sèches',
        'space.storage',
        'Stockage sec et sain de malt et de houblon (40 m², accès transpalette), à moins de 3 km de la brasserie.',
        { q: 40, u: 'm2', f: 'monthly', p: 'sale', amt: 4 },
      ),
      N('Bouteilles en verre 75 cl de réemploi', 'materials.glass', 'Bouteilles type champenoise 75 cl, lavables, pour nos cuvées spéciales. Lot unique.', {
        q: 5000,
        u: 'unit',
        f: 'one-off',
        cond: 'used',
        st: 'closed',
      }),
    ],
  },
  {
    key: 'montures-bienne',
    name: 'Montures Bienne & Lumière',
    naf: '32.50B',
    headcount: 160,
    description:
      'Fabrication de montures de lunettes en acétate de cellulose et en métal (maillechort, titane) pour des marques françaises et internationales ; savoir-faire lunetier jurassien.',
    phone: '03 53 48 10 08',
    sites: [
      site('Atelier de Perrigny', '18 rue Nicéphore Niépce', PERRIGNY, 46.6668, 5.5869),
      site('Atelier de finition', '11 avenue de Montciel', LONS, 46.6765, 5.5492),
    ],
    decls: [
      O(
        "Chutes de plaques d'acétate de cellulose",
        'materials.plastics',
        "Chutes de découpe de plaques d'acétate (épaisseurs de 4 à 8 mm ; écailles, unis, bicolores), de 2 à 15 cm. Recherchées par les artisans pour les bijoux, petites pièces et boutons. Triées par épaisseur.",
        { w: '07 02 13', q: 250, u: 'kg', f: 'monthly', cond: 'scrap', p: 'sale', amt: 2 },
      ),
      O(
        'Copeaux et chutes de maillechort',
        'materials.metals',
        "Copeaux et chutes de maillechort (cupro-nickel-zinc) d'usinage des charnières et des branches métal, en fûts de 50 kg, faible teneur en huile.",
        { w: '12 01 03', q: 120, u: 'kg', f: 'monthly', cond: 'scrap', p: 'sale', amt: 3 },
      ),
      O(
        'Temps de tribofinition (tonneaux de polissage)',
        'equipment.machine',
        'Quatre tonneaux de polissage (copeaux de bois et pâte abrasive) pour pièces plastiques ou métal de petite taille ; créneaux libres en fin de semaine.',
        { q: 60, u: 'hour', f: 'monthly', p: 'sale', amt: 20, site: 1 },
      ),
      O("Cartons d'expédition petit format", 'materials.paper', 'Cartons de fournitures (verres de démonstration, étuis) en petit format, pliés.', {
        w: '15 01 01',
        q: 300,
        u: 'kg',
        f: 'monthly',
        cond: 'used',
        p: 'free',
      }),
      N(
        'Emballages de calage réutilisables',
        'logistics.packaging',
        'Papier bulle, coussins d’air, chips de calage et papier froissé réutilisables pour l’envoi des montures aux opticiens.',
        { q: 500, u: 'kg', f: 'monthly', cond: 'used', p: 'free', site: 1 },
      ),
      N(
        'Formation aux traitements de surface par galvanoplastie',
        'skills.training',
        "Trois jours de formation pour deux techniciens sur la galvanoplastie (dorure, palladium) ; partage possible d'une session avec d'autres entreprises.",
        { q: 3, u: 'day', f: 'one-off' },
      ),
      N(
        'Opératrices de finition en renfort à la rentrée',
        'skills.staff',
        'Renfort de deux ou trois opératrices (polissage, montage) en septembre-octobre, pic de la collection de rentrée.',
        { q: 30, u: 'day', f: 'yearly', from: '2027-09-01', until: '2027-10-31' },
      ),
    ],
  },
  {
    key: 'atelier-lunetier',
    name: 'Atelier Lunetier Lédonien',
    naf: '32.50B',
    headcount: 38,
    description: 'Lunetterie artisanale haut de gamme : montures sur mesure en acétate et en corne, petites séries pour opticiens créateurs.',
    sites: [site('Atelier', '4 rue du Commerce', LONS, 46.6747, 5.5553)],
    decls: [
      N(
        "Chutes d'acétate pour branches et petites pièces",
        'materials.plastics',
        "Chutes d'acétate de cellulose de 4 à 8 mm, de 8 cm minimum, pour des montures enfants, des embouts et des petites séries.",
        { q: 40, u: 'kg', f: 'monthly', p: 'sale', amt: 3 },
      ),
      N(
        'Accès à une fraiseuse CNC pour prototypes',
        'equipment.machine',
        'Quelques heures par mois sur une commande numérique 3 axes ou plus, pour usiner des prototypes de faces en acétate et en bois.',
        { q: 10, u: 'hour', f: 'monthly', p: 'sale', amt: 70 },
      ),
      O(
        'Conception et prototypage de produits',
        'skills.expertise',
        'Notre designer-lunetier accompagne un projet de petit objet (prototypage rapide, fichiers 3D, choix des matières, finition).',
        { q: 5, u: 'day', f: 'one-off', p: 'sale', amt: 450 },
      ),
      N(
        "Petit local d'exposition partagé",
        'space.premises',
        'Un showroom ou un espace d’exposition de 30 m² à partager avec d’autres fabricants jurassiens, pour recevoir les opticiens.',
        { q: 30, u: 'm2', f: 'monthly' },
      ),
      O(
        'Présentoirs et mobilier de boutique',
        'equipment.furniture',
        'Présentoirs muraux en chêne, deux comptoirs et une vitrine éclairée issus de notre ancienne boutique.',
        { q: 12, u: 'unit', f: 'one-off', cond: 'used', p: 'free', st: 'reserved' },
      ),
    ],
  },
  {
    key: 'menuiserie-jura-sud',
    name: 'Menuiserie Agencement Jura Sud',
    naf: '16.23Z',
    headcount: 54,
    description: 'Menuiserie intérieure et agencement (escaliers, placards, aménagement de magasins) en bois massif et panneaux.',
    sites: [site('Atelier', '26 rue des Artisans', PERRIGNY, 46.6611, 5.5812)],
    decls: [
      O(
        'Sciure et copeaux de bois brut',
        'materials.wood',
        "Sciure et copeaux de résineux et de chêne non traités, issus de l'aspiration centralisée (silo de 40 m³). Conviennent au paillage, à la litière animale ou à une chaudière biomasse. Enlèvement en big bags ou en benne.",
        { w: '03 01 05', q: 2, u: 't', f: 'monthly', cond: 'scrap', p: 'free', vis: 'all' },
      ),
      O(
        'Chutes de panneaux agglomérés et MDF',
        'materials.wood',
        'Chutes de panneaux mélaminés, agglomérés et MDF, de 20x20 cm à 100x60 cm. Pour ateliers de réemploi, calage, petits aménagements.',
        { w: '03 01 05', q: 1, u: 't', f: 'monthly', cond: 'scrap', p: 'free' },
      ),
      O(
        'Chutes de bois massif (chêne, frêne)',
        'materials.wood',
        'Chutes de bois massif sec (chêne, frêne, hêtre) de 30 à 120 cm, rabotées. Pour fabrication de petits objets, tournage, mobilier.',
        { w: '03 01 05', q: 400, u: 'kg', f: 'monthly', cond: 'good', p: 'sale', amt: 0.5 },
      ),
      N(
        'Stockage couvert de 150 m² pour le bois',
        'space.storage',
        'Hangar ou bâtiment ventilé de 150 m² pour stocker des plateaux de bois massif en séchage (6 à 12 mois).',
        { q: 150, u: 'm2', f: 'monthly', p: 'sale', amt: 3 },
      ),
      N('Palettes 120x120 pour colis de menuiserie', 'materials.wood', 'Palettes 120x120 solides pour expédier escaliers et caissons. Occasion en bon état.', {
        w: '15 01 03',
        q: 20,
        u: 'pallet',
        f: 'monthly',
        cond: 'good',
        p: 'sale',
        amt: 6,
      }),
      N(
        'Achat groupé de colle vinylique et de vernis',
        'services.purchasing',
        'Commande groupée de colles vinyliques D3 et de vernis phase aqueuse avec les autres menuisiers et fabricants de meubles de la zone.',
        { q: 1200, u: 'kg', f: 'yearly' },
      ),
    ],
  },
  {
    key: 'meubles-comtois',
    name: 'Meubles Comtois Création',
    naf: '31.09B',
    headcount: 72,
    description: 'Conception et fabrication de meubles contemporains en bois et métal (tables, rangements) vendus en ligne et en magasins.',
    sites: [site('Usine', '40 rue Gustave Eiffel', PERRIGNY, 46.6607, 5.5931)],
    decls: [
      O(
        'Temps de commande numérique (CNC 5 axes)',
        'equipment.machine',
        'Centre d’usinage CNC 5 axes (table 3 200 x 1 500 mm) disponible environ 30 h par mois, programmation possible. Bois, panneaux, plastiques tendres.',
        { q: 30, u: 'hour', f: 'monthly', p: 'sale', amt: 75 },
      ),
      O(
        'Chutes de panneaux mélaminés et stratifiés',
        'materials.wood',
        'Chutes de panneaux mélaminés et stratifiés (épaisseurs 16 à 38 mm), environ 1,5 t par mois, en benne séparée.',
        { w: '03 01 05', q: 1.5, u: 't', f: 'monthly', cond: 'scrap', p: 'free' },
      ),
      O('Cartons et films des emballages de quincaillerie', 'materials.paper', 'Cartons de quincaillerie et de pieds métalliques, pliés en balles.', {
        w: '15 01 01',
        q: 500,
        u: 'kg',
        f: 'monthly',
        cond: 'used',
        p: 'free',
      }),
      N(
        'Chutes de tôle acier pour piétements',
        'materials.metals',
        'Chutes de tôle acier de 3 à 8 mm, au moins 30x30 cm, pour des piétements et des équerres de petites séries.',
        { q: 200, u: 'kg', f: 'monthly', p: 'sale', amt: 1 },
      ),
      N(
        "Chutes de tissu d'ameublement",
        'materials.textiles',
        "Chutes de tissu épais (toile, sergé, softshell) d'au moins 50x50 cm pour habiller des assises et des poufs.",
        { q: 50, u: 'kg', f: 'monthly', p: 'free' },
      ),
      N('Entrepôt temporaire pour le stock de salon', 'space.storage', '200 m² pendant trois mois pour stocker le mobilier d’exposition entre deux salons.', {
        q: 200,
        u: 'm2',
        f: 'one-off',
        from: '2027-01-04',
        until: '2027-03-31',
      }),
      O('Mobilier de bureau d’occasion', 'equipment.furniture', 'Bureaux, caissons et armoires du bureau d’études, après réaménagement. Bon état.', {
        q: 25,
        u: 'unit',
        f: 'one-off',
        cond: 'used',
        p: 'free',
        st: 'reserved',
      }),
    ],
  },
  {
    key: 'palettes-revermont',
    name: 'Palettes et Emballages Bois du Revermont',
    naf: '16.24Z',
    headcount: 35,
    description: 'Fabrication de palettes et caisses bois sur mesure, reconditionnement et négoce de palettes d’occasion, traitement NIMP15.',
    sites: [site('Parc à palettes', '8 chemin de la Fontaine', PERRIGNY, 46.6588, 5.5867)],
    decls: [
      O(
        'Palettes EPAL 80x120 reconditionnées',
        'materials.wood',
        'Europalettes EPAL de réemploi, triées, réparées, classe A/B. Livraison possible sur la zone en camion plateau à partir de 30 palettes.',
        { w: '15 01 03', q: 400, u: 'pallet', f: 'monthly', cond: 'good', p: 'sale', amt: 7.5, vis: 'all' },
      ),
      O(
        'Palettes 100x120 et 120x120 de réemploi',
        'materials.wood',
        'Palettes 100x120 et 120x120 d’occasion, triées et réparées, charge 1 t. Stock variable, environ 150 par mois.',
        { w: '15 01 03', q: 150, u: 'pallet', f: 'monthly', cond: 'good', p: 'sale', amt: 6.5 },
      ),
      O(
        'Broyat de palettes non réparables',
        'materials.wood',
        'Broyat de palettes non réparables (bois non traité, clous retirés par déferraillage magnétique) : combustible pour chaudière biomasse ou litière.',
        { w: '03 01 05', q: 3, u: 't', f: 'monthly', cond: 'scrap', p: 'sale', amt: 20 },
      ),
      N(
        'Palettes cassées et hors format à reprendre',
        'materials.wood',
        'Nous reprenons gratuitement sur votre site les palettes cassées, hors format ou non standard (à partir de 20), pour réparation ou récupération des planches.',
        { w: '15 01 03', q: 500, u: 'pallet', f: 'monthly', cond: 'scrap', p: 'free', vis: 'all' },
      ),
      N(
        'Chauffeur porteur pour les tournées de reprise',
        'skills.staff',
        'Un chauffeur permis C deux jours par semaine pour les tournées de reprise de palettes ; temps partagé avec un transporteur possible.',
        { q: 2, u: 'day', f: 'weekly' },
      ),
    ],
  },
  {
    key: 'etiquettes-jura',
    name: 'Étiquettes Jura Impression',
    naf: '18.12Z',
    headcount: 64,
    description:
      'Impression d’étiquettes adhésives en bobines (flexographie et numérique) pour l’agroalimentaire, les vins du Jura, la cosmétique et la pharmacie.',
    sites: [site('Imprimerie', '12 rue de l’Énergie', PERRIGNY, 46.6644, 5.5953)],
    decls: [
      O(
        'Chutes de papier glassine (support d’étiquettes)',
        'materials.paper.glassine',
        'Chutes de support glassine siliconé : bobines de gâche, fins de bobines et supports de rebut de la découpe, environ 1,2 t par mois. Papier à forte teneur en fibres, recyclable en filière spécifique. Stocké en bacs roulants de 770 L.',
        { w: '20 01 01', q: 1.2, u: 't', f: 'monthly', cond: 'scrap', p: 'free' },
      ),
      O(
        "Matrices d'échenillage (déchets adhésifs)",
        'materials.paper',
        "Squelettes d'échenillage (papier et film adhésifs) issus de la découpe des étiquettes. Non recyclables en papeterie ; valorisation énergétique (CSR) envisagée avec d'autres imprimeurs.",
        { q: 2, u: 't', f: 'monthly', cond: 'scrap', p: 'free' },
      ),
      O('Mandrins carton Ø 76 et 40 mm', 'materials.paper', 'Mandrins carton de bobines de matière, propres, longueurs de 330 à 1 600 mm.', {
        w: '15 01 01',
        q: 500,
        u: 'unit',
        f: 'monthly',
        cond: 'used',
        p: 'free',
      }),
      N(
        'Collecte mutualisée du papier glassine',
        'services.waste-collection',
        'Nous voulons organiser avec les autres producteurs de la zone (imprimeurs, laboratoires, conditionneurs) une collecte commune du papier glassine vers une filière de recyclage. Seuls, nos volumes n’intéressent pas un collecteur ; regroupés, nous estimons 4 t par mois.',
        { w: '20 01 01', q: 4, u: 't', f: 'monthly', vis: 'all' },
      ),
      N(
        'Stockage de bobines de matière',
        'space.storage',
        '60 emplacements palettes au sec et tempérés (15–25 °C) pour nos bobines de papier adhésif, à moins de 5 km.',
        { q: 60, u: 'pallet', f: 'monthly', p: 'sale', amt: 8 },
      ),
      O(
        'Presse numérique étiquettes (temps machine)',
        'equipment.machine',
        'Presse numérique jet d’encre pour étiquettes en bobines, idéale pour les petites séries et les prototypes d’emballage.',
        { q: 20, u: 'hour', f: 'monthly', p: 'sale', amt: 55 },
      ),
    ],
  },
  {
    key: 'imprimerie-ledonienne',
    name: 'Imprimerie Lédonienne',
    naf: '18.12Z',
    headcount: 48,
    description: 'Imprimerie offset et numérique : documents commerciaux, édition, planches d’étiquettes adhésives et packaging carton.',
    sites: [site('Imprimerie', '15 rue Jean Moulin', LONS, 46.6726, 5.5521)],
    decls: [
      O(
        'Papier glassine des planches adhésives',
        'materials.paper.glassine',
        'Supports glassine des planches d’étiquettes adhésives (rognes de massicot, gâche de calage). Environ 250 kg par mois, en sacs.',
        { w: '20 01 01', q: 250, u: 'kg', f: 'monthly', cond: 'scrap', p: 'free' },
      ),
      O(
        'Rognures et gâche de papier blanc',
        'materials.paper',
        'Rognures de massicot et gâche d’impression : papier couché et offset blanc trié, en balles. Qualité recherchée par les papetiers.',
        { w: '20 01 01', q: 2, u: 't', f: 'monthly', cond: 'scrap', p: 'sale', amt: 40 },
      ),
      O('Plaques offset aluminium usagées', 'materials.metals', 'Plaques offset en aluminium insolées, propres (rincées), environ 150 kg par mois.', {
        q: 150,
        u: 'kg',
        f: 'monthly',
        cond: 'scrap',
        p: 'sale',
        amt: 1.2,
      }),
      O(
        'Solvants de nettoyage des blanchets usagés',
        'materials.chemicals',
        'Solvants de lavage des blanchets (base hydrocarbures) en fûts de 200 L. Recherche d’une filière de régénération par distillation, mutualisée avec d’autres utilisateurs de solvants de la zone.',
        { w: '14 06 03', q: 200, u: 'L', f: 'monthly', cond: 'scrap', p: 'free' },
      ),
      N(
        'Collecte mutualisée des déchets dangereux',
        'services.waste-collection',
        'Regrouper avec les voisins l’enlèvement des solvants, chiffons souillés et emballages souillés, pour passer d’un enlèvement trimestriel coûteux à une tournée mensuelle partagée.',
        { q: 400, u: 'kg', f: 'monthly' },
      ),
      N("Chiffons d'essuyage", 'materials.textiles', 'Chiffons de coton propres pour le nettoyage des presses, environ 100 kg par mois.', {
        q: 100,
        u: 'kg',
        f: 'monthly',
        p: 'sale',
        amt: 1,
      }),
    ],
  },
  {
    key: 'adhesopack',
    name: "Adhéso'Pack Étiquettes",
    naf: '17.29Z',
    headcount: 30,
    description: 'Transformation de complexes adhésifs et fabrication d’étiquettes techniques (traçabilité, industrie, logistique).',
    sites: [site('Atelier', '6 rue Blaise Pascal', PERRIGNY, 46.6627, 5.5761)],
    decls: [
      O(
        'Papier glassine siliconé en bobines de rebut',
        'materials.paper.glassine',
        'Bobines de rebut et fins de bobines de glassine siliconé, environ 800 kg par mois, sur palettes.',
        { w: '20 01 01', q: 800, u: 'kg', f: 'monthly', cond: 'scrap', p: 'free' },
      ),
      O('Chutes de film PP adhésif', 'materials.plastics', 'Chutes de refente de film polypropylène adhésif (complexe PP + adhésif acrylique + glassine).', {
        q: 300,
        u: 'kg',
        f: 'monthly',
        cond: 'scrap',
        p: 'free',
      }),
      O('Cartons d’emballage des bobines de matière', 'materials.paper', 'Cartons des bobines de complexes adhésifs, pliés, environ 400 kg par mois.', {
        w: '15 01 01',
        q: 400,
        u: 'kg',
        f: 'monthly',
        cond: 'used',
        p: 'free',
      }),
      N(
        'Transport mutualisé vers la région lyonnaise',
        'logistics.transport',
        'Environ 10 palettes par semaine vers nos clients de l’est lyonnais ; nous cherchons à partager un camion avec d’autres expéditeurs de la zone.',
        { q: 10, u: 'pallet', f: 'weekly' },
      ),
      N('Palettes 80x120 légères pour bobines', 'materials.wood', 'Palettes 80x120 légères, même non standard, pour expédier des bobines (charge 300 kg).', {
        w: '15 01 03',
        q: 40,
        u: 'pallet',
        f: 'monthly',
        cond: 'used',
        p: 'sale',
        amt: 3,
      }),
    ],
  },
  {
    key: 'transports-revermont',
    name: 'Transports Revermont Logistique',
    naf: '49.41A',
    headcount: 116,
    description:
      'Transport routier de marchandises (lots et messagerie palettisée) en Bourgogne-Franche-Comté, Rhône-Alpes et Suisse ; 70 véhicules, atelier intégré.',
    phone: '03 53 48 10 16',
    sites: [
      site('Agence et atelier', '1 avenue de l’Europe', PERRIGNY, 46.6577, 5.5795),
      site('Parc poids lourds', '3 rue du Revermont', PERRIGNY, 46.6569, 5.5834),
    ],
    decls: [
      O(
        'Retours à vide Lyon → Lons-le-Saunier',
        'logistics.transport',
        'Semi-remorques revenant de Lyon (Corbas) le mardi et le jeudi avec 10 à 33 places palettes libres. Tarif à la palette, enlèvement en région lyonnaise, livraison sur la zone.',
        { q: 40, u: 'pallet', f: 'weekly', p: 'sale', amt: 18, vis: 'all' },
      ),
      O(
        'Huiles moteur usagées de l’atelier poids lourds',
        'materials.chemicals',
        'Huiles de vidange des tracteurs routiers, stockées en cuve double paroi de 1 000 L. Enlèvement par collecteur agréé, regroupement possible avec les garages de la zone.',
        { w: '13 02 05', q: 600, u: 'L', f: 'monthly', cond: 'scrap', p: 'free', site: 1 },
      ),
      O('Pneus poids lourds usagés', 'materials.plastics', 'Pneus poids lourds usagés (non rechapables), environ 40 par mois.', {
        w: '16 01 03',
        q: 40,
        u: 'unit',
        f: 'monthly',
        cond: 'scrap',
        p: 'free',
        site: 1,
      }),
      O(
        'Places de stationnement poids lourds la nuit',
        'space.parking',
        'Six places poids lourds sur parc clos et éclairé, accessibles la nuit et le week-end.',
        { q: 6, u: 'unit', f: 'monthly', p: 'sale', amt: 60, site: 1 },
      ),
      N(
        'Chauffeurs super-lourds en renfort',
        'skills.staff',
        'Chauffeurs SPL en renfort pour les pics de novembre-décembre et de juin ; mise à disposition ou emploi partagé.',
        { q: 60, u: 'day', f: 'yearly' },
      ),
      N(
        'Palettes EPAL de qualité A en échange',
        'materials.wood',
        'Nous gérons le parc EPAL de nos clients : besoin de palettes EPAL de qualité A pour compenser les déficits d’échange, environ 200 par mois.',
        { w: '15 01 03', q: 200, u: 'pallet', f: 'monthly', cond: 'good', p: 'exchange' },
      ),
      N('Réparation et lavage de bâches de camions', 'services.maintenance', 'Une douzaine de bâches par an à réparer (déchirures, sangles) et à laver.', {
        q: 12,
        u: 'unit',
        f: 'yearly',
      }),
    ],
  },
  {
    key: 'entrepots-jura-sud',
    name: 'Entrepôts Jura Sud',
    naf: '52.10B',
    headcount: 65,
    description: 'Logistique contractuelle : entreposage, préparation de commandes, co-packing et cross-dock pour des industriels jurassiens.',
    sites: [site('Entrepôt', '20 avenue de l’Europe', PERRIGNY, 46.6559, 5.5758)],
    decls: [
      O(
        "Surface d'entreposage sec à louer",
        'space.storage',
        '1 500 m² en racks (2 400 emplacements palettes), hauteur 10 m, quais de chargement, gardiennage. Stockage ponctuel ou durable, tarif au m² et au mois.',
        { q: 1500, u: 'm2', f: 'monthly', p: 'sale', amt: 4.2, vis: 'all' },
      ),
      O(
        'Film étirable usagé en balles',
        'materials.plastics',
        'Film étirable PE issu du dépalettisation, trié et mis en balles de 300 kg, environ 1,5 t par mois.',
        { w: '15 01 02', q: 1.5, u: 't', f: 'monthly', cond: 'used', p: 'sale', amt: 50 },
      ),
      O("Cartons d'emballage en mélange", 'materials.paper', 'Cartons d’emballage en mélange, compactés, environ 3 t par mois.', {
        w: '15 01 01',
        q: 3,
        u: 't',
        f: 'monthly',
        cond: 'used',
        p: 'free',
      }),
      O(
        'Chariot élévateur avec cariste',
        'equipment.vehicle',
        'Chariot élévateur 2,5 t avec cariste CACES pour des opérations ponctuelles de chargement ou d’inventaire chez un voisin.',
        { q: 20, u: 'hour', f: 'monthly', p: 'sale', amt: 45 },
      ),
      N(
        'Palettes EPAL 80x120 pour les clients',
        'materials.wood',
        'Palettes EPAL 80x120 en bon état pour la reconstitution des commandes, environ 150 par mois.',
        { w: '15 01 03', q: 150, u: 'pallet', f: 'monthly', cond: 'good', p: 'sale', amt: 7 },
      ),
      O("Toners d'imprimantes usagés", 'materials.chemicals', 'Toners et cartouches des imprimantes de bureau et d’étiquettes, en carton de collecte.', {
        w: '08 03 18',
        q: 40,
        u: 'unit',
        f: 'yearly',
        cond: 'scrap',
        p: 'free',
      }),
    ],
  },
  {
    key: 'confection-montmorot',
    name: 'Confection Textile de Montmorot',
    naf: '14.13Z',
    headcount: 58,
    description: 'Confection de vêtements techniques et d’extérieur (vestes, softshells, tenues de marque) en petites et moyennes séries, made in Jura.',
    sites: [site('Atelier de confection', '10 rue des Salines', MONTMOROT, 46.6823, 5.5381)],
    decls: [
      O(
        'Machine de contrôle de vêtements (visiteuse) à partager',
        'equipment.machine',
        'Visiteuse pour le contrôle qualité des vêtements finis (défauts de tissu, taches, coutures, mesures) avec table lumineuse. Utilisée à 40 % : nous proposons des créneaux avec ou sans opératrice. Rez-de-chaussée, accès quai.',
        { q: 30, u: 'hour', f: 'monthly', p: 'sale', amt: 25, vis: 'all' },
      ),
      O(
        'Chutes textiles coton et polyester',
        'materials.textiles',
        'Chutes de coupe (jersey coton, sergé polyester-coton, softshell) triées par famille de matière, en sacs de 20 kg. Pour rembourrage, chiffons, effilochage ou création.',
        { w: '04 02 22', q: 600, u: 'kg', f: 'monthly', cond: 'scrap', p: 'free' },
      ),
      O(
        'Fins de rouleaux de tissus techniques',
        'materials.textiles',
        'Tissus neufs en fins de rouleaux : toile déperlante, softshell et maille, environ 900 m² de coloris variés.',
        { q: 900, u: 'm2', f: 'one-off', cond: 'new', p: 'sale', amt: 2.5 },
      ),
      O('Mandrins carton de rouleaux de tissu', 'materials.paper', 'Mandrins carton de 1,60 m, propres, environ 150 par mois.', {
        w: '15 01 01',
        q: 150,
        u: 'unit',
        f: 'monthly',
        cond: 'used',
        p: 'free',
      }),
      N(
        'Couturières en renfort saisonnier',
        'skills.staff',
        'Deux couturières expérimentées (piqueuse plate, surjeteuse) en mars-avril et septembre pour les commandes de collections.',
        { q: 40, u: 'day', f: 'yearly' },
      ),
      N('Stockage saisonnier de 100 m²', 'space.storage', '100 m² secs et propres pour les stocks de tissus entre deux collections.', {
        q: 100,
        u: 'm2',
        f: 'monthly',
        p: 'sale',
        amt: 3.5,
      }),
      N('Cintres et housses de transport', 'logistics.packaging', 'Cintres et housses de protection pour livrer les vêtements sur cintre, réemploi bienvenu.', {
        q: 2000,
        u: 'unit',
        f: 'monthly',
        cond: 'used',
        p: 'free',
      }),
    ],
  },
  {
    key: 'atelier-uniformes',
    name: 'Atelier Couture et Uniformes',
    naf: '14.12Z',
    headcount: 26,
    description: 'Fabrication et personnalisation de vêtements de travail et d’uniformes (broderie, marquage), retouches pour les entreprises.',
    sites: [site('Atelier', '19 rue de la Lième', LONS, 46.6689, 5.5649)],
    decls: [
      N(
        'Accès à une machine de contrôle des vêtements',
        'equipment.machine',
        'Quelques heures par mois sur une visiteuse pour contrôler nos séries de vêtements de travail avant livraison (exigence de nos clients grands comptes).',
        { q: 12, u: 'hour', f: 'monthly', p: 'sale', amt: 25 },
      ),
      N(
        'Chutes de tissus techniques pour accessoires',
        'materials.textiles',
        'Chutes de tissus techniques (softshell, toile) d’au moins 30x30 cm pour des trousses, housses et accessoires.',
        { q: 80, u: 'kg', f: 'monthly', p: 'free' },
      ),
      O(
        'Couturière qualifiée en temps partagé',
        'skills.staff',
        'Une couturière qualifiée disponible huit jours par mois pour une entreprise voisine (retouches, petites séries, prototypes).',
        { q: 8, u: 'day', f: 'monthly', p: 'sale', amt: 220 },
      ),
      O(
        'Retouches et petites séries de vêtements de travail',
        'services.other',
        'Retouches, réparations et marquage de vêtements de travail pour les entreprises de la zone, avec enlèvement et livraison hebdomadaires.',
        { q: 40, u: 'hour', f: 'monthly', p: 'sale', amt: 35 },
      ),
      O('Piqueuses plates d’occasion', 'equipment.machine', 'Trois machines à coudre piqueuses plates industrielles révisées, avec table et moteur.', {
        q: 3,
        u: 'unit',
        f: 'one-off',
        cond: 'used',
        p: 'sale',
        amt: 250,
      }),
    ],
  },
  {
    key: 'mecanique-perrigny',
    name: 'Mécanique de Précision de Perrigny',
    naf: '25.62B',
    headcount: 85,
    description:
      'Usinage de précision (tournage, fraisage 5 axes, rectification) de pièces en acier, inox et aluminium pour l’outillage, la plasturgie et l’aéronautique.',
    sites: [site('Atelier', '28 rue Denis Papin', PERRIGNY, 46.6659, 5.5877)],
    decls: [
      O(
        "Copeaux d'acier d'usinage",
        'materials.metals',
        'Copeaux d’acier (C45, 42CrMo4) essorés, en bennes de 10 m³, environ 4 t par mois. Ouverts à un regroupement avec les autres usineurs pour un meilleur prix de reprise.',
        { w: '12 01 01', q: 4, u: 't', f: 'monthly', cond: 'scrap', p: 'sale', amt: 120 },
      ),
      O("Copeaux d'aluminium", 'materials.metals', 'Copeaux d’aluminium (2017, 7075) triés séparément, en fûts, environ 800 kg par mois.', {
        w: '12 01 03',
        q: 800,
        u: 'kg',
        f: 'monthly',
        cond: 'scrap',
        p: 'sale',
        amt: 0.9,
      }),
      O(
        "Émulsions d'usinage usagées",
        'materials.chemicals',
        'Émulsions d’usinage sans halogènes en fin de vie, environ 1 000 L par mois. Recherche d’une filière de traitement mutualisée (évapo-concentration) avec les autres usineurs de la zone.',
        { w: '12 01 09', q: 1000, u: 'L', f: 'monthly', cond: 'scrap', p: 'free' },
      ),
      O(
        'Électricien de maintenance en temps partagé',
        'skills.staff',
        'Notre électricien-automaticien (habilitations BR, B2V) peut intervenir quatre jours par mois chez un voisin, en prêt de personnel.',
        { q: 4, u: 'day', f: 'monthly', p: 'sale', amt: 380 },
      ),
      O(
        'Chaleur fatale des compresseurs',
        'energy.heat',
        'Deux compresseurs de 55 kW : environ 180 MWh par an récupérables sur l’air chaud ou sur un circuit d’eau à 60 °C.',
        { q: 180, u: 'MWh', f: 'yearly', p: 'free' },
      ),
      N("Chiffons d'essuyage propres", 'materials.textiles', 'Chiffons de coton propres et absorbants pour l’atelier, environ 150 kg par mois.', {
        q: 150,
        u: 'kg',
        f: 'monthly',
        p: 'sale',
        amt: 1.2,
      }),
      N('Bacs plastiques gerbables 600x400', 'logistics.packaging', 'Bacs gerbables 600x400 pour les encours de production, d’occasion en bon état.', {
        q: 200,
        u: 'unit',
        f: 'one-off',
        cond: 'used',
      }),
    ],
  },
  {
    key: 'decolletage-jura',
    name: 'Décolletage Jura Précision',
    naf: '25.62A',
    headcount: 68,
    description: 'Décolletage de petites pièces en laiton, acier et inox sur tours multibroches et à poupée mobile, pour la connectique et l’horlogerie.',
    sites: [site('Atelier', '3 rue des Frères Lumière', MONTMOROT, 46.6797, 5.5431)],
    decls: [
      O(
        'Copeaux de laiton centrifugés',
        'materials.metals',
        'Copeaux de laiton CuZn39Pb3 centrifugés, teneur en huile inférieure à 2 %, en fûts, environ 1,5 t par mois.',
        { w: '12 01 03', q: 1.5, u: 't', f: 'monthly', cond: 'scrap', p: 'sale', amt: 3800 },
      ),
      O(
        'Huiles de coupe entières usagées',
        'materials.chemicals',
        'Huiles de coupe entières (sans halogènes) en fin de vie, environ 400 L par mois, en fûts de 200 L.',
        { w: '12 01 07', q: 400, u: 'L', f: 'monthly', cond: 'scrap', p: 'free' },
      ),
      O('Tour multibroches d’occasion', 'equipment.machine', 'Tour multibroches à cames 6 broches, en état de marche, à reprendre sur place.', {
        q: 1,
        u: 'unit',
        f: 'one-off',
        cond: 'used',
        p: 'sale',
        amt: 15000,
        vis: 'all',
      }),
      N(
        'Collecte mutualisée des déchets dangereux d’atelier',
        'services.waste-collection',
        'Huiles, émulsions, chiffons et emballages souillés : nous voulons partager une tournée de collecte agréée avec les autres ateliers mécaniques de la zone.',
        { q: 600, u: 'kg', f: 'monthly' },
      ),
      N(
        'Formation de régleurs sur tour à commande numérique',
        'skills.training',
        'Monter une session de formation commune de régleurs sur tours à poupée mobile avec d’autres entreprises (4 à 6 stagiaires).',
        { q: 10, u: 'day', f: 'yearly' },
      ),
      N(
        'Achat groupé d’huile de coupe',
        'services.purchasing',
        'Environ 4 000 L par an d’huile de coupe entière ; commande groupée souhaitée avec les autres usineurs.',
        { q: 4000, u: 'L', f: 'yearly' },
      ),
    ],
  },
  {
    key: 'tolerie-ledonienne',
    name: 'Tôlerie Chaudronnerie Lédonienne',
    naf: '25.11Z',
    headcount: 46,
    description: 'Tôlerie fine, chaudronnerie et serrurerie industrielle : découpe laser, pliage, soudure, sous-ensembles mécano-soudés.',
    sites: [site('Atelier', '36 rue des Artisans', PERRIGNY, 46.6603, 5.5824)],
    decls: [
      O(
        'Chutes de tôles acier et inox',
        'materials.metals',
        'Chutes de tôle acier S235 et inox 304L (épaisseurs 1 à 10 mm), de 10x10 cm à 100x50 cm. Vente au poids, tri par nuance possible.',
        { w: '12 01 01', q: 1.2, u: 't', f: 'monthly', cond: 'scrap', p: 'sale', amt: 250 },
      ),
      O(
        'Temps de découpe laser fibre 4 kW',
        'equipment.machine',
        'Laser fibre 4 kW (table 3 000 x 1 500 mm) : acier jusqu’à 20 mm, inox 12 mm, aluminium 10 mm. Environ 25 h par mois disponibles, programmation comprise.',
        { q: 25, u: 'hour', f: 'monthly', p: 'sale', amt: 110 },
      ),
      O('Bacs de rétention et racks d’occasion', 'equipment.tools', 'Six bacs de rétention galvanisés et des racks cantilever démontés.', {
        q: 6,
        u: 'unit',
        f: 'one-off',
        cond: 'used',
        p: 'sale',
        amt: 80,
      }),
      N('Soudeur TIG qualifié en renfort', 'skills.staff', 'Un soudeur TIG inox qualifié pendant un mois pour un chantier de cuves.', {
        q: 20,
        u: 'day',
        f: 'one-off',
        from: '2027-03-01',
        until: '2027-03-31',
      }),
      N(
        'Transport de pièces longues (6 m)',
        'logistics.transport',
        'Quatre livraisons par mois de pièces de 6 m vers la Bresse et le Haut-Jura ; partage d’un plateau avec un autre expéditeur.',
        { q: 4, u: 'unit', f: 'monthly' },
      ),
      N('Palettes 120x120 renforcées', 'materials.wood', 'Palettes 120x120 solides (charge 1,5 t) pour expédier des sous-ensembles.', {
        w: '15 01 03',
        q: 20,
        u: 'pallet',
        f: 'monthly',
        cond: 'good',
        p: 'sale',
        amt: 8,
      }),
    ],
  },
  {
    key: 'garage-central',
    name: 'Garage Central de Perrigny',
    naf: '45.20A',
    headcount: 14,
    description: 'Entretien et réparation de véhicules légers et utilitaires, flottes d’entreprises de la zone, pneumatiques.',
    sites: [site('Garage', '2 route de Conliège', PERRIGNY, 46.6683, 5.5815)],
    decls: [
      O(
        'Huiles de vidange usagées',
        'materials.chemicals',
        'Huiles moteur usagées non chlorées, environ 150 L par mois, en cuve de 600 L. Regroupement souhaité avec les autres ateliers de la zone.',
        { w: '13 02 05', q: 150, u: 'L', f: 'monthly', cond: 'scrap', p: 'free' },
      ),
      O('Batteries au plomb usagées', 'materials.metals', 'Batteries de démarrage au plomb usagées, stockées sur bac de rétention.', {
        w: '16 06 01',
        q: 25,
        u: 'unit',
        f: 'monthly',
        cond: 'scrap',
        p: 'sale',
        amt: 5,
      }),
      O('Pneus usagés de véhicules légers', 'materials.plastics', 'Pneus VL et utilitaires usagés, environ 60 par mois.', {
        w: '16 01 03',
        q: 60,
        u: 'unit',
        f: 'monthly',
        cond: 'scrap',
        p: 'free',
      }),
      O(
        'Pont élévateur disponible le samedi',
        'equipment.machine',
        'Pont deux colonnes 3,5 t disponible le samedi matin pour l’entretien de véhicules de flotte par vos mécaniciens.',
        { q: 8, u: 'hour', f: 'monthly', p: 'sale', amt: 30, st: 'closed' },
      ),
      N("Chiffons d'essuyage", 'materials.textiles', 'Chiffons de coton pour l’atelier, environ 40 kg par mois.', {
        q: 40,
        u: 'kg',
        f: 'monthly',
        p: 'sale',
        amt: 1,
      }),
      N('Sciure absorbante', 'materials.wood', 'Sciure sèche pour absorber les égouttures d’huile au sol, environ 100 kg par mois.', {
        q: 100,
        u: 'kg',
        f: 'monthly',
        p: 'free',
      }),
      N(
        'Collecte mutualisée des déchets dangereux',
        'services.waste-collection',
        'Filtres à huile, liquides de frein, emballages souillés : partager une tournée de collecte agréée avec les autres ateliers.',
        { q: 100, u: 'kg', f: 'monthly' },
      ),
    ],
  },
  {
    key: 'batir-jura-sud',
    name: 'Bâtir Jura Sud Construction',
    naf: '43.99C',
    headcount: 78,
    description: 'Maçonnerie, gros œuvre et rénovation de bâtiments industriels et tertiaires dans le sud du Jura.',
    sites: [site('Dépôt', '45 rue du Revermont', PERRIGNY, 46.6551, 5.5871)],
    decls: [
      O(
        'Béton concassé et gravats propres',
        'materials.minerals',
        'Environ 80 t de béton concassé 0/31,5 issu d’une démolition, propre (sans plâtre ni bois), pour remblai ou sous-couche.',
        { w: '17 01 01', q: 80, u: 't', f: 'one-off', cond: 'scrap', p: 'free' },
      ),
      O(
        'Bois de chantier (coffrages, chevrons)',
        'materials.wood',
        'Bois de coffrage et chevrons de chantier en fin d’usage, non traités, environ 2 t par mois.',
        { w: '17 02 01', q: 2, u: 't', f: 'monthly', cond: 'used', p: 'free' },
      ),
      O(
        'Terres et cailloux de terrassement',
        'materials.minerals',
        '300 m³ de terres non polluées (analyses disponibles) issues d’un terrassement à Perrigny.',
        { w: '17 05 04', q: 300, u: 'm3', f: 'one-off', cond: 'scrap', p: 'free', st: 'closed' },
      ),
      O(
        'Nacelle 12 m entre deux chantiers',
        'equipment.vehicle',
        'Nacelle ciseaux 12 m disponible quelques jours par mois, livraison sur la zone, formation PEMP exigée.',
        { q: 5, u: 'day', f: 'monthly', p: 'sale', amt: 120 },
      ),
      N(
        'Palettes 80x120 et 100x120 pour matériaux',
        'materials.wood',
        'Palettes de toutes qualités, même non standard, pour stocker parpaings et matériaux sur chantier.',
        { w: '15 01 03', q: 50, u: 'pallet', f: 'monthly', cond: 'used', p: 'free' },
      ),
      N('Stockage extérieur sécurisé pour matériaux', 'space.storage', '400 m² de terrain clos pour stocker des matériaux et des bungalows de chantier.', {
        q: 400,
        u: 'm2',
        f: 'monthly',
        p: 'sale',
        amt: 1.5,
      }),
    ],
  },
  {
    key: 'cartonnages-revermont',
    name: 'Cartonnages du Revermont',
    naf: '17.21A',
    headcount: 70,
    description: 'Fabrication de caisses et d’emballages en carton ondulé, découpe et impression flexo, emballages sur mesure.',
    sites: [site('Cartonnerie', '17 rue de l’Énergie', PERRIGNY, 46.6639, 5.5986)],
    decls: [
      O(
        'Chutes de carton ondulé',
        'materials.paper',
        'Chutes de découpe et de refente de carton ondulé (kraft, simple et double cannelure), en balles de 400 kg, environ 15 t par mois.',
        { w: '20 01 01', q: 15, u: 't', f: 'monthly', cond: 'scrap', p: 'sale', amt: 60 },
      ),
      O(
        'Palettes 120x120 de bobines de papier',
        'materials.wood',
        'Palettes 120x120 lourdes sur lesquelles arrivent les bobines de papier, environ 60 par mois.',
        { w: '15 01 03', q: 60, u: 'pallet', f: 'monthly', cond: 'used', p: 'free' },
      ),
      O(
        'Plaques de carton déclassées pour calage',
        'materials.paper',
        'Plaques de carton ondulé déclassées (défaut d’impression), pour calage, intercalaires ou protection de sols.',
        { q: 2, u: 't', f: 'monthly', cond: 'good', p: 'sale', amt: 100 },
      ),
      O('Condensats et chaleur de l’onduleuse', 'energy.steam', 'Condensats chauds et chaleur récupérable de l’onduleuse vapeur, environ 400 MWh par an.', {
        q: 400,
        u: 'MWh',
        f: 'yearly',
        p: 'free',
      }),
      N('Palettes 100x120 pour expéditions', 'materials.wood', 'Palettes 100x120 en bon état pour nos expéditions de caisses, environ 80 par mois.', {
        w: '15 01 03',
        q: 80,
        u: 'pallet',
        f: 'monthly',
        cond: 'good',
        p: 'sale',
        amt: 5,
      }),
      N('Conducteur de ligne en prêt', 'skills.staff', 'Un conducteur de ligne (onduleuse ou plieuse-colleuse) pendant deux semaines en remplacement.', {
        q: 10,
        u: 'day',
        f: 'one-off',
      }),
    ],
  },
  {
    key: 'blanchisserie-ledonienne',
    name: 'Blanchisserie Industrielle Lédonienne',
    naf: '96.01A',
    headcount: 55,
    description: 'Location-entretien de linge plat et de vêtements de travail pour les hôpitaux, les hôtels et les entreprises du Jura.',
    sites: [site('Blanchisserie', '24 rue de la Lième', LONS, 46.6684, 5.5671)],
    decls: [
      O(
        'Linge réformé en coton',
        'materials.textiles',
        'Draps et serviettes réformés (coton et polycoton), lavés, sans agrafes, environ 400 kg par mois. Idéal pour la fabrication de chiffons d’essuyage.',
        { w: '20 01 11', q: 400, u: 'kg', f: 'monthly', cond: 'used', p: 'sale', amt: 0.8 },
      ),
      O(
        'Chaleur fatale des eaux de lavage',
        'energy.heat',
        'Eaux de rinçage à 35–40 °C (environ 60 m³ par jour) : un échangeur permettrait de préchauffer l’eau ou les locaux d’un voisin, environ 500 MWh par an.',
        { q: 500, u: 'MWh', f: 'yearly', p: 'free', vis: 'all' },
      ),
      O(
        'Lavage de vêtements de travail',
        'services.other',
        'Capacité de lavage disponible (environ 500 kg par semaine) pour les tenues de travail des entreprises de la zone, avec collecte et livraison.',
        { q: 500, u: 'kg', f: 'weekly', p: 'sale', amt: 1.6 },
      ),
      O('Cintres métalliques et housses', 'logistics.packaging', 'Cintres métalliques et housses plastiques récupérés chez nos clients, réutilisables.', {
        q: 3000,
        u: 'unit',
        f: 'monthly',
        cond: 'used',
        p: 'free',
      }),
      O('Bidons de lessive vides de 20 L', 'logistics.packaging', 'Bidons PEHD de 20 L de lessive et d’assouplissant, vides et rincés.', {
        w: '15 01 02',
        q: 120,
        u: 'unit',
        f: 'monthly',
        cond: 'used',
        p: 'free',
      }),
      N(
        'Visiteuse pour contrôler les vêtements de travail',
        'equipment.machine',
        'Quelques heures par mois sur une machine de contrôle de vêtements pour vérifier les tenues réparées avant retour client.',
        { q: 6, u: 'hour', f: 'monthly' },
      ),
      N(
        'Chauffeur-livreur à temps partagé',
        'skills.staff',
        'Un chauffeur-livreur (permis B) deux jours par semaine, temps partagé avec une autre entreprise.',
        { q: 2, u: 'day', f: 'weekly' },
      ),
    ],
  },
  {
    key: 'fleur-de-sapin',
    name: 'Laboratoire Fleur de Sapin Cosmétiques',
    naf: '20.42Z',
    headcount: 40,
    description: 'Formulation et fabrication de cosmétiques naturels (soins visage, savons, huiles) à base de plantes du massif jurassien.',
    sites: [site('Laboratoire et production', '5 rue Pasteur', MONTMOROT, 46.6769, 5.5367)],
    decls: [
      O(
        'Papier glassine des étiqueteuses',
        'materials.paper.glassine',
        'Support glassine récupéré sur nos trois étiqueteuses automatiques (flacons, tubes), bobines sans mandrin, propres. Environ 300 kg par mois.',
        { w: '20 01 01', q: 300, u: 'kg', f: 'monthly', cond: 'scrap', p: 'free' },
      ),
      O(
        "Flacons en verre déclassés pour défaut d'aspect",
        'materials.glass',
        'Flacons verre ambré 50 et 100 ml neufs, déclassés pour défaut d’aspect (bulles, teinte). Lot unique de 5 000 pièces.',
        { q: 5000, u: 'unit', f: 'one-off', cond: 'new', p: 'free' },
      ),
      O('Cartons et intercalaires de flaconnage', 'materials.paper', 'Cartons et intercalaires des livraisons de flacons, pliés, environ 800 kg par mois.', {
        w: '15 01 01',
        q: 800,
        u: 'kg',
        f: 'monthly',
        cond: 'used',
        p: 'free',
      }),
      N('Palettes 80x120 pour expéditions', 'materials.wood', 'Palettes 80x120 propres, EPAL ou non, pour nos expéditions vers les distributeurs.', {
        w: '15 01 03',
        q: 25,
        u: 'pallet',
        f: 'monthly',
        cond: 'good',
        p: 'sale',
        amt: 5,
      }),
      N(
        'Formation aux Bonnes Pratiques de Fabrication',
        'skills.training',
        'Formation BPF cosmétiques (ISO 22716) et habillage en zone propre pour 6 opérateurs.',
        { q: 2, u: 'day', f: 'yearly' },
      ),
      N('Stockage à température contrôlée', 'space.storage', '30 emplacements palettes entre 15 et 25 °C pour nos matières premières végétales.', {
        q: 30,
        u: 'pallet',
        f: 'monthly',
        p: 'sale',
        amt: 9,
      }),
    ],
  },
  {
    key: 'labo-pharma-revermont',
    name: 'Laboratoires Pharmaceutiques du Revermont',
    naf: '21.20Z',
    headcount: 150,
    description: 'Fabrication et conditionnement à façon de médicaments non stériles (formes sèches et liquides) et de compléments alimentaires.',
    phone: '03 53 48 10 28',
    sites: [
      site('Site de production', '50 avenue de l’Europe', PERRIGNY, 46.6571, 5.5712),
      site('Magasin et expéditions', '54 avenue de l’Europe', PERRIGNY, 46.6563, 5.5694),
    ],
    decls: [
      O(
        'Papier glassine des lignes de conditionnement',
        'materials.paper.glassine',
        'Support glassine des étiqueteuses de nos huit lignes de conditionnement, environ 1,5 t par mois, en bacs de 770 L. Sans contact produit.',
        { w: '20 01 01', q: 1.5, u: 't', f: 'monthly', cond: 'scrap', p: 'free' },
      ),
      O(
        'GRV 1000 L vides rincés',
        'logistics.packaging',
        'GRV (IBC) de 1 000 L sur palette, ayant contenu des excipients non dangereux (glycérine, sorbitol), rincés, vannes d’origine.',
        { w: '15 01 02', q: 20, u: 'unit', f: 'monthly', cond: 'used', p: 'sale', amt: 35, site: 1 },
      ),
      O('Fûts PEHD 200 L à bondes', 'logistics.packaging', 'Fûts PEHD de 200 L à deux bondes, ayant contenu des excipients non dangereux, rincés.', {
        w: '15 01 02',
        q: 40,
        u: 'unit',
        f: 'monthly',
        cond: 'used',
        p: 'sale',
        amt: 8,
        site: 1,
      }),
      O(
        'Formation BPF et habillage en zone propre',
        'skills.training',
        'Notre service qualité ouvre quatre sessions par an de formation aux Bonnes Pratiques de Fabrication et à l’habillage en zone propre aux entreprises de la zone (cosmétique, agroalimentaire).',
        { q: 4, u: 'day', f: 'yearly', p: 'sale', amt: 600 },
      ),
      O(
        'Solvants de laboratoire usagés',
        'materials.chemicals',
        'Éthanol et isopropanol usagés, non halogénés, environ 300 L par mois en bidons de 30 L. Recherche d’une filière de régénération.',
        { w: '07 05 04', q: 300, u: 'L', f: 'monthly', cond: 'scrap', p: 'free' },
      ),
      O("Toners d'imprimantes usagés", 'materials.chemicals', 'Toners d’imprimantes de bureau et de laboratoire.', {
        w: '08 03 18',
        q: 80,
        u: 'unit',
        f: 'yearly',
        cond: 'scrap',
        p: 'free',
        site: 1,
      }),
      N(
        'Stockage temporaire de 50 palettes en zone sèche',
        'space.storage',
        '50 emplacements palettes en zone sèche et sécurisée pendant les travaux de notre magasin (six mois).',
        { q: 50, u: 'pallet', f: 'monthly', from: '2027-01-04', until: '2027-06-30', site: 1 },
      ),
      N('Palettes plastique 80x120 lavables', 'logistics.packaging', 'Palettes plastique 80x120 lavables pour nos zones à atmosphère contrôlée.', {
        q: 100,
        u: 'unit',
        f: 'one-off',
        cond: 'good',
        p: 'sale',
        amt: 25,
      }),
    ],
  },
  {
    key: 'regeneration-plastiques',
    name: 'Régénération Plastiques Jura',
    naf: '38.32Z',
    headcount: 22,
    description: 'Collecte, broyage et régénération de déchets plastiques industriels (PE, PP) en granulés recyclés pour la plasturgie.',
    sites: [site('Usine de régénération', '12 rue de la Saline', MONTMOROT, 46.6808, 5.5298)],
    decls: [
      N(
        "Film PE d'emballage propre",
        'materials.plastics',
        'Nous achetons films étirables et housses PEBD/PELBD propres, en balles, à partir de 500 kg. Enlèvement sur la zone.',
        { w: '15 01 02', q: 10, u: 't', f: 'monthly', cond: 'used', p: 'sale', amt: 80, vis: 'all' },
      ),
      N('Rebuts de production PP et PE', 'materials.plastics', 'Carottes, purges, pièces rebutées et chutes de tubes en PP ou PE, triées par matière.', {
        w: '07 02 13',
        q: 20,
        u: 't',
        f: 'monthly',
        cond: 'scrap',
        p: 'sale',
        amt: 150,
        vis: 'all',
      }),
      O(
        'Granulés PP recyclés noirs',
        'materials.plastics',
        'Regranulés PP copolymère noir (indice de fluidité 12), filtrés à 150 µm, en big bags de 1 t. Pour l’injection de pièces techniques non visibles.',
        { q: 15, u: 't', f: 'monthly', cond: 'new', p: 'sale', amt: 900 },
      ),
      O('Broyage de plastiques à façon', 'equipment.machine', 'Broyeur 55 kW et laveuse pour du broyage à façon de rebuts plastiques.', {
        q: 40,
        u: 'hour',
        f: 'monthly',
        p: 'sale',
        amt: 60,
      }),
      N('Octabins et big bags usagés', 'logistics.packaging', 'Octabins carton et big bags en bon état pour conditionner nos broyats et granulés.', {
        q: 50,
        u: 'unit',
        f: 'monthly',
        cond: 'used',
        p: 'free',
      }),
    ],
  },
  {
    key: 'jura-collecte',
    name: 'Jura Collecte Services',
    naf: '38.11Z',
    headcount: 34,
    description: 'Collecte et tri des déchets non dangereux des entreprises : cartons, papiers, bois, plastiques, DIB ; location de bennes et compacteurs.',
    sites: [site('Centre de tri', '7 rue du Revermont', PERRIGNY, 46.6547, 5.5909)],
    decls: [
      O(
        'Collecte mutualisée du papier glassine',
        'services.waste-collection',
        'Tournée mensuelle de collecte du papier glassine en bacs de 770 L chez plusieurs producteurs de la zone, regroupement sur notre quai et expédition vers un papetier recycleur. Prix à la tonne dégressif selon le nombre d’adhérents.',
        { w: '20 01 01', q: 5, u: 't', f: 'monthly', p: 'sale', amt: 95, vis: 'all' },
      ),
      O(
        'Collecte mutualisée des cartons et papiers',
        'services.waste-collection',
        'Tournée hebdomadaire de collecte des cartons et papiers sur la zone, bacs ou compacteurs fournis.',
        { w: '15 01 01', q: 20, u: 't', f: 'monthly', p: 'sale', amt: 30 },
      ),
      O(
        'Collecte des déchets dangereux en petites quantités',
        'services.waste-collection',
        'Collecte mensuelle regroupée des déchets dangereux des ateliers (huiles, solvants, emballages souillés, absorbants), bordereaux de suivi inclus.',
        { q: 2, u: 't', f: 'monthly', p: 'sale', amt: 450 },
      ),
      O('Location de bennes et de compacteurs', 'equipment.tools', 'Bennes de 10 à 30 m³ et compacteurs à cartons à la location, rotation à la demande.', {
        q: 10,
        u: 'unit',
        f: 'monthly',
        p: 'sale',
        amt: 150,
      }),
      N(
        'Terrain pour une aire de regroupement',
        'space.storage',
        'Terrain plat de 1 000 m² sur la zone pour créer une aire de regroupement des déchets triés.',
        { q: 1000, u: 'm2', f: 'one-off' },
      ),
    ],
  },
  {
    key: 'esat-valliere',
    name: 'ESAT Les Ateliers de la Vallière',
    naf: '88.10C',
    headcount: 82,
    description: 'Établissement et service d’aide par le travail : conditionnement, sous-traitance industrielle, menuiserie, entretien d’espaces verts.',
    sites: [site('Ateliers', '9 rue Pasteur', MONTMOROT, 46.6762, 5.5339)],
    decls: [
      O(
        'Conditionnement et assemblage en sous-traitance',
        'services.other',
        'Nos équipes réalisent conditionnement, mise sous film, étiquetage, tri et assemblage simple, dans nos ateliers ou en mise à disposition chez vous.',
        { q: 300, u: 'hour', f: 'monthly', p: 'sale', amt: 22, vis: 'all' },
      ),
      O(
        'Collecte et tri des cartouches d’encre et toners',
        'services.waste-collection',
        'Collecte gratuite des cartouches et toners usagés des entreprises de la zone, tri pour réemploi ou recyclage.',
        { w: '08 03 18', q: 200, u: 'unit', f: 'monthly', p: 'free' },
      ),
      N('Cartons de réemploi', 'materials.paper', 'Cartons en bon état de toutes tailles pour nos prestations de conditionnement.', {
        q: 500,
        u: 'unit',
        f: 'monthly',
        cond: 'used',
        p: 'free',
      }),
      N(
        'Chutes de bois massif pour des jardinières',
        'materials.wood',
        'Chutes de bois massif non traité pour la fabrication de jardinières et de nichoirs par notre atelier menuiserie.',
        { w: '03 01 05', q: 300, u: 'kg', f: 'monthly', p: 'free' },
      ),
      N(
        'Palettes 80x120 pour du mobilier de jardin',
        'materials.wood',
        'Palettes 80x120, même non standard, pour fabriquer du mobilier de jardin et des composteurs.',
        { w: '15 01 03', q: 40, u: 'pallet', f: 'monthly', cond: 'used', p: 'free' },
      ),
    ],
  },
  {
    key: 'serres-revermont',
    name: 'Serres Maraîchères du Revermont',
    naf: '01.13Z',
    headcount: 12,
    description: 'Production de légumes et de plants sous serres (4 000 m²) vendus en circuit court dans le Jura.',
    member: false,
    sites: [site('Serres', 'Chemin des Grands Champs', PERRIGNY, 46.6552, 5.5962)],
    decls: [
      N(
        'Chaleur basse température pour les serres',
        'energy.heat',
        'Chauffage hors gel et préchauffage de 4 000 m² de serres ; une eau à 35–50 °C suffit. Nous étudions le raccordement à une source de chaleur fatale voisine (environ 900 MWh par an).',
        { q: 900, u: 'MWh', f: 'yearly', p: 'sale', amt: 25, vis: 'all' },
      ),
      N('Compost et amendement organique', 'materials.organic', 'Compost mûr ou digestat pour amender les planches de culture, environ 60 t par an.', {
        q: 60,
        u: 't',
        f: 'yearly',
      }),
      O(
        'Déchets verts et tiges de tomates',
        'materials.organic',
        'Tiges, feuilles et fruits déclassés en fin de culture (octobre-novembre), environ 20 t par an.',
        { w: '02 01 03', q: 20, u: 't', f: 'yearly', cond: 'scrap', p: 'free' },
      ),
      O('Caisses plastiques de récolte', 'logistics.packaging', 'Caisses plastiques de récolte 600x400 en surplus après changement de conditionnement.', {
        q: 300,
        u: 'unit',
        f: 'one-off',
        cond: 'used',
        p: 'sale',
        amt: 1.5,
      }),
      N(
        "Eau de process propre pour l'irrigation",
        'water.process',
        "Eau non potable propre (rinçage, refroidissement) pour l'irrigation des serres, environ 500 m³ par an.",
        { q: 500, u: 'm3', f: 'yearly' },
      ),
    ],
  },
  {
    key: 'earl-grands-pres',
    name: 'EARL des Grands Prés',
    naf: '01.50Z',
    headcount: 4,
    description: 'Polyculture-élevage : vaches laitières (lait à Comté) et atelier d’engraissement de porcs, en bordure de la zone.',
    member: false,
    sites: [site('Ferme', 'Route de Chille', PERRIGNY, 46.6848, 5.5864)],
    decls: [
      N(
        "Drêches de brasserie pour l'alimentation des vaches",
        'materials.organic',
        'Drêches fraîches à intégrer dans la ration des vaches (hors lait à Comté : génisses et vaches taries), environ 2 t par semaine, enlèvement par nos soins.',
        { w: '02 07 04', q: 2, u: 't', f: 'weekly', p: 'free' },
      ),
      N(
        "Lactosérum pour l'engraissement des porcs",
        'materials.organic',
        'Lactosérum doux pour notre atelier porcin, environ 30 m³ par semaine, citerne sur place.',
        { w: '02 05 01', q: 30, u: 'm3', f: 'weekly', p: 'free' },
      ),
      N('Sciure pour litière', 'materials.wood', 'Sciure sèche non traitée pour la litière des logettes, environ 3 t par mois.', {
        w: '03 01 05',
        q: 3,
        u: 't',
        f: 'monthly',
        p: 'sale',
        amt: 15,
      }),
      N(
        'Brisures de biscuits pour l’alimentation animale',
        'materials.organic',
        'Brisures de biscuits ou de pain pour compléter la ration des porcs, environ 1 t par mois.',
        { q: 1, u: 't', f: 'monthly', p: 'sale', amt: 60 },
      ),
      O('Fumier composté', 'materials.organic', 'Fumier bovin composté, environ 100 t par an, livraison possible au tracteur dans un rayon de 5 km.', {
        w: '02 01 06',
        q: 100,
        u: 't',
        f: 'yearly',
        cond: 'good',
        p: 'sale',
        amt: 10,
      }),
      O(
        'Déneigement et petits travaux au tracteur',
        'services.other',
        'Déneigement des parkings et voiries privées de la zone, petits terrassements, avec notre tracteur et sa lame.',
        { q: 20, u: 'hour', f: 'yearly', p: 'sale', amt: 60 },
      ),
    ],
  },
];

// ---------------------------------------------------------------------------------------
// Build

const START_DATES = ['2026-09-01', '2026-10-01', '2026-11-02', '2026-12-01', '2027-01-04'];
const pick = <T>(list: readonly T[], key: string): T => list[createHash('sha256').update(key).digest()[0]! % list.length]!;

function addMonths(iso: string, months: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function buildDeclaration(org: OrgDef, d: Decl, siteIds: string[]) {
  const frequency = d.f ?? 'one-off';
  let wasteCode: string | null = null;
  let hazardous = false;
  if (d.w) {
    const entry = findWasteCode(d.w);
    if (!entry) throw new Error(`${org.key}: unknown waste code ${d.w}`);
    wasteCode = entry.hazardous ? `${entry.code}*` : entry.code;
    hazardous = entry.hazardous;
  }
  const from = d.from ?? pick(START_DATES, `${org.key}:${d.title}`);
  const until = d.until !== undefined ? d.until : frequency === 'one-off' ? addMonths(from, 4) : '2027-12-31';
  const priceMode = d.p ?? 'free';
  const siteId = siteIds[d.site ?? 0];
  if (!siteId) throw new Error(`${org.key}: no site ${d.site}`);
  return {
    id: uuid(`declaration:${org.key}:${d.title}`),
    kind: d.kind,
    title: d.title,
    description: d.desc,
    categoryCode: d.cat,
    wasteCode,
    quantity: d.q ?? null,
    unit: d.u ?? 'unit',
    frequency,
    availableFrom: from,
    availableUntil: until,
    condition: d.cond ?? null,
    priceMode,
    priceAmount: priceMode === 'sale' ? (d.amt ?? null) : null,
    siteId,
    hazardous,
    status: d.st ?? 'active',
    visibility: d.vis ?? 'zone',
  };
}

function build(): ZoneExchangeInput {
  return {
    format: ZONE_EXCHANGE_FORMAT,
    zone: {
      id: uuid('zone:lons-perrigny'),
      slug: 'lons-perrigny',
      name: 'Zone industrielle de Lons-Perrigny',
      region: 'Bourgogne-Franche-Comté — Jura (39)',
      description:
        "Zone industrielle de Lons-le-Saunier, Perrigny et Montmorot : une trentaine d'entreprises (plasturgie, lunetterie, agroalimentaire, bois, imprimerie, logistique, textile, mécanique) réunies dans l'association ALons'ZI et engagées depuis 2019 dans une démarche d'écologie industrielle territoriale. Données de démonstration : entreprises fictives.",
    },
    organisations: ORGS.map((org) => {
      const siteIds = org.sites.map((_, i) => uuid(`site:${org.key}:${i}`));
      const domain = `${org.key}.example.fr`;
      return {
        id: uuid(`organisation:${org.key}`),
        name: org.name,
        siret: siret(org.key),
        nafCode: org.naf,
        headcount: org.headcount,
        description: org.description,
        website: `https://www.${domain}`,
        email: `contact@${domain}`,
        phone: org.phone ?? null,
        associations: org.member === false ? [] : ["ALons'ZI"],
        sites: org.sites.map((s, i) => ({
          id: siteIds[i]!,
          name: s.name,
          address: s.address,
          postalCode: s.postalCode,
          city: s.city,
          latitude: s.lat,
          longitude: s.lon,
        })),
        declarations: org.decls.map((d) => buildDeclaration(org, d, siteIds)),
      };
    }),
  };
}

// ---------------------------------------------------------------------------------------
// Checks

function check(input: ZoneExchangeInput): void {
  const doc = ZoneExchange.parse(input);
  const fail = (message: string) => {
    throw new Error(`lons-perrigny.json: ${message}`);
  };
  const orgs = doc.organisations;
  const decls = orgs.flatMap((o) => o.declarations);
  const headcount = orgs.reduce((n, o) => n + (o.headcount ?? 0), 0);
  if (orgs.length < 28 || orgs.length > 35) fail(`${orgs.length} organisations, expected about 30`);
  if (decls.length < 150) fail(`${decls.length} declarations, expected at least 150`);
  if (headcount < 1900 || headcount > 2200) fail(`headcount ${headcount}, expected about 2,000`);
  const ids = new Set<string>();
  const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  for (const id of [doc.zone.id, ...orgs.map((o) => o.id), ...orgs.flatMap((o) => o.sites.map((s) => s.id)), ...decls.map((d) => d.id)]) {
    if (!uuidV4.test(id)) fail(`id ${id} is not a UUID v4`);
    if (ids.has(id)) fail(`duplicate id ${id}`);
    ids.add(id);
  }
  const sirets = new Set(orgs.map((o) => o.siret));
  if (sirets.size !== orgs.length) fail('duplicate SIRET');
  for (const o of orgs) {
    if (!isValidSiret(o.siret) || !luhnValid(o.siret.slice(0, 9))) fail(`invalid SIRET/SIREN ${o.siret}`);
    if (o.sites.length < 1) fail(`${o.name} has no site`);
    for (const s of o.sites) {
      const km = haversineKm(46.67, 5.57, s.latitude!, s.longitude!);
      if (km > 4) fail(`${o.name} / ${s.name} is ${km.toFixed(1)} km from the zone centre`);
    }
    const titles = new Set<string>();
    for (const d of o.declarations) {
      if (titles.has(d.title)) fail(`${o.name}: duplicate title ${d.title}`);
      titles.add(d.title);
      if (!findCategory(d.categoryCode)) fail(`unknown category ${d.categoryCode}`);
      const waste = d.wasteCode ? findWasteCode(d.wasteCode) : undefined;
      if (d.wasteCode && !waste) fail(`unknown waste code ${d.wasteCode}`);
      if (waste && waste.hazardous !== d.hazardous) fail(`${d.title}: hazard flag disagrees with ${d.wasteCode}`);
      if ((d.priceMode === 'sale') !== (d.priceAmount !== null) && d.kind === 'offer') fail(`${d.title}: sale offers carry a price`);
      for (const date of [d.availableFrom, d.availableUntil]) {
        if (date && !/^202[67]-/.test(date)) fail(`${d.title}: date ${date} outside 2026-2027`);
      }
    }
  }
  const offers = decls.filter((d) => d.kind === 'offer').length;
  const glassineOffers = new Set(
    orgs.filter((o) => o.declarations.some((d) => d.kind === 'offer' && d.categoryCode === 'materials.paper.glassine')).map((o) => o.id),
  );
  if (glassineOffers.size < 5) fail('the glassine mutualisation case needs five producers');
  console.log(
    `${orgs.length} organisations, ${orgs.reduce((n, o) => n + o.sites.length, 0)} sites, ${decls.length} declarations ` +
      `(${offers} offers, ${decls.length - offers} needs, ${decls.filter((d) => d.hazardous).length} hazardous, ` +
      `${decls.filter((d) => d.status !== 'active').length} not active), headcount ${headcount}`,
  );
}

const doc = build();
check(doc);
writeFileSync(OUT, `${JSON.stringify(doc, null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), OUT)}`);
