import { describe, expect, it } from 'vitest';
import { DEFAULT_WEEKLY } from '../../core/availability';
import { HttpProblem } from '../../http/problem';
import { checkOptions, expiryOf, nextSynergyStatus, subjectKey } from './rules';

const now = new Date('2026-10-01T08:00:00Z');
const firm = { name: 'Fromagerie', availability: { weekly: DEFAULT_WEEKLY, unavailableDays: ['2026-10-06'] } };
const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as HttpProblem).code;
  }
  return null;
};

describe('booking rules', () => {
  it('accepts future options within availability and names the broken rule otherwise', () => {
    const ok = { startsAt: '2026-10-05T07:00:00Z', endsAt: '2026-10-05T08:00:00Z' };
    expect(checkOptions([ok], 'body.options', now, [firm], 'Europe/Paris')).toHaveLength(1);
    expect(codeOf(() => checkOptions([{ startsAt: '2026-09-30T07:00:00Z', endsAt: '2026-09-30T08:00:00Z' }], 'o', now, [firm], 'Europe/Paris'))).toBe(
      'option_in_past',
    );
    expect(codeOf(() => checkOptions([{ startsAt: '2026-10-06T07:00:00Z', endsAt: '2026-10-06T08:00:00Z' }], 'o', now, [firm], 'Europe/Paris'))).toBe(
      'outside_availability',
    );
    expect(codeOf(() => checkOptions([{ startsAt: '2026-10-05T07:00:00Z', endsAt: '2026-10-05T07:05:00Z' }], 'o', now, [firm], 'Europe/Paris'))).toBe(
      'invalid_duration',
    );
    expect(codeOf(() => checkOptions([ok, ok], 'o', now, [firm], 'Europe/Paris'))).toBe('duplicate_option');
  });

  it('expires after a week, or when the last option begins', () => {
    const at = (iso: string) => ({ start: new Date(iso), end: new Date(Date.parse(iso) + 3600_000) });
    expect(expiryOf([at('2026-10-20T07:00:00Z')], now).toISOString()).toBe('2026-10-08T08:00:00.000Z');
    expect(expiryOf([at('2026-10-02T07:00:00Z'), at('2026-10-03T07:00:00Z')], now).toISOString()).toBe('2026-10-03T07:00:00.000Z');
  });

  it('keys a subject by its sorted synergies and fiches, else by its words', () => {
    expect(subjectKey(['b', 'a'], ['c'], 'x')).toBe('d:c,s:a,s:b');
    expect(subjectKey([], [], '  Palettes   bois ')).toBe('t:palettes bois');
    expect(nextSynergyStatus('proposed')).toBe('under_discussion');
    expect(nextSynergyStatus('in_study')).toBeNull();
  });
});
