import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client';

const get = vi.fn();
const update = vi.fn();
vi.mock('../api', () => ({ declarationsApi: { get: (...a: unknown[]) => get(...a), update: (...a: unknown[]) => update(...a) } }));

const { statusActions, useDeclaration } = await import('./declarations');

const base = { id: 'd1', organisationId: 'o1', zoneId: 'z1', title: 'Palettes', status: 'active', version: 3, photos: [] };
const conflict = () =>
  new ApiError({
    type: 'x',
    title: 'Conflict',
    status: 409,
    code: 'version_conflict',
    detail: "La fiche a été modifiée entre-temps : rechargez-la avant d'enregistrer.",
  });

beforeEach(() => {
  get.mockReset();
  update.mockReset();
});

describe('useDeclaration', () => {
  it('sends the version it read with every change', async () => {
    get.mockResolvedValue(base);
    update.mockResolvedValue({ ...base, status: 'reserved', version: 4 });
    const d = useDeclaration(() => 'd1');
    await d.load();
    const saved = await d.save({ status: 'reserved' });
    expect(update).toHaveBeenCalledWith('d1', { status: 'reserved', version: 3 });
    expect(saved?.version).toBe(4);
    expect(d.declaration.value?.status).toBe('reserved');
  });

  it('flags a version conflict, keeps what it had, and clears the flag on reload', async () => {
    get.mockResolvedValueOnce(base).mockResolvedValueOnce({ ...base, title: 'Palettes (changé)', version: 4 });
    update.mockRejectedValue(conflict());
    const d = useDeclaration(() => 'd1');
    await d.load();
    expect(await d.save({ title: 'Mine' })).toBeNull();
    expect(d.conflict.value).toBe(true);
    expect(d.declaration.value?.title).toBe('Palettes');
    await d.load();
    expect(d.conflict.value).toBe(false);
    expect(d.saveError.value).toBeNull();
    expect(d.declaration.value?.version).toBe(4);
  });

  it('reports other failures without calling them conflicts', async () => {
    get.mockResolvedValue(base);
    update.mockRejectedValue(new ApiError({ type: 'x', title: 'Forbidden', status: 403, code: 'forbidden' }));
    const d = useDeclaration(() => 'd1');
    await d.load();
    await d.save({ title: 'Pris !' });
    expect(d.conflict.value).toBe(false);
    expect((d.saveError.value as ApiError).status).toBe(403);
  });
});

describe('statusActions', () => {
  it('offers reserve and close on an active fiche, reopen on a closed one', () => {
    expect(statusActions('active').map((a) => a.to)).toEqual(['reserved', 'closed']);
    expect(statusActions('reserved').map((a) => a.to)).toEqual(['active', 'closed']);
    expect(statusActions('closed').map((a) => a.to)).toEqual(['active']);
  });
});
