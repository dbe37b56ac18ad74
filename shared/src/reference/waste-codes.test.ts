import { describe, expect, it } from 'vitest';
import {
  WASTE_CHAPTERS,
  WASTE_CODES,
  WASTE_SUB_CHAPTERS,
  findWasteChapter,
  findWasteCode,
  findWasteSubChapter,
  formatWasteCode,
  isHazardousWasteCode,
  normaliseWasteCode,
  wasteCodeChapter,
  wasteCodeSubChapter,
} from './waste-codes';

describe('European List of Waste', () => {
  it('has well-formed, unique codes in their own chapter and sub-chapter', () => {
    expect(WASTE_CODES.length).toBeGreaterThanOrEqual(400);
    const seen = new Set<string>();
    const subChapters = new Set(WASTE_SUB_CHAPTERS.map((s) => s.code));
    for (const w of WASTE_CODES) {
      expect(w.code).toMatch(/^\d{2} \d{2} \d{2}$/);
      expect(seen.has(w.code), `duplicate ${w.code}`).toBe(false);
      seen.add(w.code);
      expect(w.chapter).toBe(w.code.slice(0, 2));
      expect(subChapters.has(w.code.slice(0, 5)), `sub-chapter of ${w.code}`).toBe(true);
      expect(w.labelFr.length).toBeGreaterThan(2);
      expect(w.labelFr).not.toMatch(/^\*/);
    }
  });

  it('lists the 20 chapters and complete key chapters', () => {
    expect(WASTE_CHAPTERS.map((c) => c.code)).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 1).padStart(2, '0')));
    const chapters = new Set(WASTE_CODES.map((w) => w.chapter));
    for (const ch of ['02', '03', '04', '07', '08', '09', '10', '12', '13', '15', '16', '17', '19', '20']) {
      expect(chapters.has(ch), `chapter ${ch}`).toBe(true);
    }
  });

  it('knows the usual codes of an industrial zone', () => {
    expect(findWasteCode('15 01 01')).toEqual({
      code: '15 01 01',
      labelFr: 'emballages en papier/carton',
      hazardous: false,
      chapter: '15',
    });
    expect(findWasteCode('15 01 03')?.labelFr).toBe('emballages en bois');
    expect(findWasteCode('15 01 02')?.labelFr).toBe('emballages en matières plastiques');
    expect(findWasteCode('15 01 10')?.hazardous).toBe(true);
    expect(findWasteCode('20 01 01')?.labelFr).toBe('papier et carton');
    expect(findWasteCode('03 01 05')?.labelFr).toMatch(/^sciure de bois, copeaux/);
    expect(findWasteCode('03 01 05')?.hazardous).toBe(false);
    expect(findWasteCode('03 01 04')?.hazardous).toBe(true);
    expect(findWasteCode('12 01 01')?.labelFr).toBe('limaille et chutes de métaux ferreux');
    expect(findWasteCode('04 02 22')?.labelFr).toBe('fibres textiles ouvrées');
    expect(findWasteCode('08 03 18')?.labelFr).toMatch(/toner/);
    expect(findWasteCode('08 03 18')?.hazardous).toBe(false);
    expect(findWasteCode('17 02 01')?.labelFr).toBe('bois');
    expect(findWasteCode('07 02 13')?.labelFr).toBe('déchets plastiques');
    expect(findWasteCode('02 05 01')?.chapter).toBe('02');
    expect(findWasteCode('13 02 05')?.hazardous).toBe(true);
    expect(findWasteCode('14 06 03')?.hazardous).toBe(true);
  });

  it('accepts compact, spaced and starred forms', () => {
    expect(findWasteCode('150103')?.code).toBe('15 01 03');
    expect(findWasteCode('15 01 03*')?.code).toBe('15 01 03');
    expect(findWasteCode(' 15 01 10* ')?.code).toBe('15 01 10');
    expect(findWasteCode('99 99 99')).toBeUndefined();
    expect(findWasteCode('15 01')).toBeUndefined();
    expect(findWasteCode('abc')).toBeUndefined();
    expect(normaliseWasteCode('150110*')).toBe('15 01 10');
    expect(isHazardousWasteCode('150110')).toBe(true);
    expect(isHazardousWasteCode('15 01 03')).toBe(false);
    expect(formatWasteCode(findWasteCode('15 01 10')!)).toBe('15 01 10*');
  });

  it('derives chapter and sub-chapter', () => {
    expect(wasteCodeChapter('15 01 03')).toBe('15');
    expect(wasteCodeChapter('150103*')).toBe('15');
    expect(wasteCodeChapter('42 01 01')).toBeUndefined();
    expect(wasteCodeSubChapter('15 01 03')).toBe('15 01');
    expect(wasteCodeSubChapter('15 01 10*')).toBe('15 01');
    expect(wasteCodeSubChapter('1501')).toBe('15 01');
    expect(wasteCodeSubChapter('x')).toBeUndefined();
    expect(findWasteChapter('15 01 03')?.labelFr).toMatch(/^Emballages/);
    expect(findWasteSubChapter('02 07 01')?.labelFr).toMatch(/boissons/);
  });
});
