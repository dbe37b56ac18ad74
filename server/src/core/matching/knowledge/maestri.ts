import { normaliseWasteCode } from '@synergies/shared';
import { parseCsvObjects } from './csv';
import type { KnowledgeCase } from './knowledge-base';

/**
 * The MAESTRI Exchanges Database (see README.md) → knowledge cases. Sector cells may
 * list several codes ("011;012") at 2 to 4 digits with a flag ("3811*"); waste cells
 * may list several EWC codes ("200108;200125") flagged "*" (hazardous entry) or "^"/"#"
 * (approximate code in the source).
 */
export function parseMaestriCsv(text: string): KnowledgeCase[] {
  const cases: KnowledgeCase[] = [];
  for (const row of parseCsvObjects(text)) {
    const ewcCodes = splitCodes(row.ewc_code ?? '')
      .map((c) => normaliseWasteCode(c))
      .filter((c) => c !== undefined);
    const providerNace = splitCodes(row.provider_nace ?? '');
    const receiverNace = splitCodes(row.receiver_nace ?? '');
    if (ewcCodes.length === 0 || receiverNace.length === 0) continue;
    cases.push({
      id: `maestri:${row.index}`,
      source: 'maestri',
      providerNace,
      receiverNace,
      ewcCode: ewcCodes[0]!,
      ewcCodes,
      approximate: /[#^]/.test(row.ewc_code ?? ''),
      hazardous: (row.ewc_code ?? '').includes('*'),
      wasteDescription: [row.waste_description, row.waste_details].filter(Boolean).join(' — '),
      status: row.status ?? '',
      reference: row.reference ?? '',
    });
  }
  return cases;
}

function splitCodes(cell: string): string[] {
  return cell
    .split(';')
    .map((c) => c.replace(/[^0-9]/g, ''))
    .filter((c) => c.length >= 2);
}

/** "Notarnicola, B., Tassielli, G., … (2016). Title…" → "Notarnicola et al., 2016". */
export function shortReference(reference: string): string {
  const author = reference.split(',')[0]?.trim() ?? '';
  const year = /\((\d{4})[a-z]?\)/.exec(reference)?.[1];
  const several = (reference.match(/&|\band\b/g) ?? []).length > 0;
  if (author === '') return reference.slice(0, 60);
  // An institution's guide ("Invest Northern Ireland. Industrial symbiosis - …"): its name.
  if (year === undefined && reference.length > 60) return reference.split('. ')[0]!.slice(0, 60);
  return `${author}${several ? ' et al.' : ''}${year ? `, ${year}` : ''}`;
}
