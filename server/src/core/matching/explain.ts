import { findCategory, type Dimension, type Frequency, type Unit } from '@synergies/shared';
import { formatKm, formatNumber, formatQuantity, formatYearly, unitLabel, type Lang } from './format';
import type { Reason, ReasonCode } from './types';

/**
 * Order of the parts of an explanation: what matches, where, how much, when, then the
 * caveats. `text_match` is left out of sentences: it repeats what the titles show.
 */
const ORDER: ReasonCode[] = [
  'group_size',
  'same_waste_code',
  'related_waste_code',
  'same_category',
  'related_category',
  'documented_case',
  'sector_evidence',
  'distance',
  'quantity_fit',
  'quantity_mismatch',
  'quantity_total',
  'availability_overlap',
  'no_availability_overlap',
  'reciprocity',
  'hazard_mismatch',
];

type Phrase = (p: Reason['params'], lang: Lang) => string;

const s = (p: Reason['params'], key: string) => String(p[key] ?? '');
const n = (p: Reason['params'], key: string) => Number(p[key] ?? 0);
const t = (lang: Lang, fr: string, en: string) => (lang === 'fr' ? fr : en);
const label = (code: string, lang: Lang) => {
  const c = findCategory(code);
  return c === undefined ? code : lang === 'fr' ? `« ${c.labelFr} »` : `“${c.labelEn}”`;
};

function quantities(p: Reason['params'], lang: Lang): string {
  const offered = formatQuantity(n(p, 'offerQuantity'), p.offerUnit as Unit, p.offerFrequency as Frequency, lang);
  const sameUnit = p.offerUnit === p.needUnit && p.offerFrequency === p.needFrequency;
  const wanted = sameUnit
    ? formatNumber(n(p, 'needQuantity'), lang)
    : formatQuantity(n(p, 'needQuantity'), p.needUnit as Unit, p.needFrequency as Frequency, lang);
  return t(lang, `${offered} offertes, ${wanted} recherchées`, `${offered} offered, ${wanted} wanted`);
}

const PHRASES: Record<ReasonCode, Phrase> = {
  same_waste_code: (p, lang) => t(lang, `même code déchet ${s(p, 'offerCode')}`, `same waste code ${s(p, 'offerCode')}`),
  related_waste_code: (p, lang) => {
    const codes = `${s(p, 'offerCode')} / ${s(p, 'needCode')}`;
    if (p.level === 'sub_chapter')
      return t(
        lang,
        `codes déchet du même sous-chapitre ${s(p, 'offerCode').slice(0, 5)} (${codes})`,
        `waste codes of the same sub-chapter ${s(p, 'offerCode').slice(0, 5)} (${codes})`,
      );
    if (p.level === 'chapter')
      return t(
        lang,
        `codes déchet du même chapitre ${s(p, 'offerCode').slice(0, 2)} (${codes})`,
        `waste codes of the same chapter ${s(p, 'offerCode').slice(0, 2)} (${codes})`,
      );
    return t(lang, `codes déchet documentés ensemble (${codes})`, `waste codes documented together (${codes})`);
  },
  same_category: (p, lang) => t(lang, `même catégorie ${label(s(p, 'offerCategory'), lang)}`, `same category ${label(s(p, 'offerCategory'), lang)}`),
  related_category: (p, lang) =>
    t(
      lang,
      `catégories voisines ${label(s(p, 'offerCategory'), lang)} et ${label(s(p, 'needCategory'), lang)}`,
      `related categories ${label(s(p, 'offerCategory'), lang)} and ${label(s(p, 'needCategory'), lang)}`,
    ),
  quantity_fit: (p, lang) => t(lang, `quantités compatibles : ${quantities(p, lang)}`, `compatible quantities: ${quantities(p, lang)}`),
  quantity_mismatch: (p, lang) =>
    p.incompatibleUnits
      ? t(
          lang,
          `unités incomparables : ${unitLabel(p.offerUnit as Unit, 2, lang)} offerts, ${unitLabel(p.needUnit as Unit, 2, lang)} recherchés`,
          `units that do not compare: ${unitLabel(p.offerUnit as Unit, 2, lang)} offered, ${unitLabel(p.needUnit as Unit, 2, lang)} wanted`,
        )
      : t(lang, `quantités éloignées : ${quantities(p, lang)}`, `quantities far apart: ${quantities(p, lang)}`),
  distance: (p, lang) =>
    p.spread ? t(lang, `dans un rayon de ${formatKm(n(p, 'km'), lang)}`, `within ${formatKm(n(p, 'km'), lang)}`) : formatKm(n(p, 'km'), lang),
  availability_overlap: (_p, lang) => t(lang, 'disponibilités compatibles', 'availability windows overlap'),
  no_availability_overlap: (_p, lang) => t(lang, 'périodes de disponibilité sans recouvrement', 'availability windows do not overlap'),
  hazard_mismatch: (_p, lang) =>
    t(lang, "matière dangereuse : le besoin ne dit pas pouvoir l'accepter", 'hazardous material: the need does not say it accepts it'),
  reciprocity: (_p, lang) => t(lang, 'échange possible dans les deux sens', 'the firms also match the other way round'),
  text_match: (_p, lang) => t(lang, 'intitulés proches', 'similar titles'),
  documented_case: (p, lang) => {
    const count = n(p, 'count');
    const what =
      {
        code: t(lang, 'de ce code déchet', 'of this waste code'),
        sub_chapter: t(lang, 'du même sous-chapitre de déchets', 'of the same waste sub-chapter'),
        chapter: t(lang, 'du même chapitre de déchets', 'of the same waste chapter'),
        concept: t(lang, "d'une matière de même nature", 'of the same kind of material'),
        description: t(lang, "d'une matière décrite de même", 'of a material described alike'),
      }[s(p, 'level')] ?? '';
    const example = p.example ? t(lang, ` (ex. ${s(p, 'example')})`, ` (e.g. ${s(p, 'example')})`) : '';
    const sector = p.near
      ? t(lang, `un secteur voisin (NACE ${s(p, 'receiverNace')})`, `a near sector (NACE ${s(p, 'receiverNace')})`)
      : t(lang, `ce secteur (NACE ${s(p, 'receiverNace')})`, `this sector (NACE ${s(p, 'receiverNace')})`);
    return t(
      lang,
      `${count} ${count > 1 ? 'échanges documentés' : 'échange documenté'} ${what} vers ${sector}${example}`,
      `${count} documented ${count > 1 ? 'exchanges' : 'exchange'} ${what} to ${sector}${example}`,
    );
  },
  sector_evidence: (p, lang) => {
    const near = p.near ? t(lang, `, secteur voisin de NACE ${s(p, 'sector')}`, `, a sector near NACE ${s(p, 'sector')}`) : '';
    return t(lang, `${s(p, 'textFr')}${near} (source : ${s(p, 'source')})`, `${s(p, 'textEn')}${near} (source: ${s(p, 'source')})`);
  },
  group_size: (p, lang) =>
    p.kind === 'offer'
      ? t(lang, `${n(p, 'count')} entreprises ont cette ressource`, `${n(p, 'count')} firms have this resource`)
      : t(lang, `${n(p, 'count')} entreprises ont ce besoin`, `${n(p, 'count')} firms have this need`),
  quantity_total: (p, lang) =>
    t(
      lang,
      `${formatYearly(n(p, 'yearlyBase'), p.dimension as Dimension, lang)} au total`,
      `${formatYearly(n(p, 'yearlyBase'), p.dimension as Dimension, lang)} in total`,
    ),
};

function explain(reasons: readonly Reason[], lang: Lang): string {
  const codes = new Set(reasons.map((r) => r.code));
  const parts = [...reasons]
    .filter((r) => r.code !== 'text_match')
    // The waste code says more than the category it implies.
    .filter((r) => !(codes.has('same_waste_code') && (r.code === 'same_category' || r.code === 'related_category')))
    .sort((a, b) => ORDER.indexOf(a.code) - ORDER.indexOf(b.code))
    .map((r) => PHRASES[r.code](r.params, lang));
  const sentence = parts.join(' · ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/** "Même code déchet 15 01 03 · 2,4 km · quantités compatibles : 40 palettes/mois offertes, 30 recherchées". */
export function explainFr(reasons: readonly Reason[]): string {
  return explain(reasons, 'fr');
}

export function explainEn(reasons: readonly Reason[]): string {
  return explain(reasons, 'en');
}
