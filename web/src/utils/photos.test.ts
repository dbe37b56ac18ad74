import { MAX_PHOTO_BYTES } from '@synergies/shared';
import { describe, expect, it } from 'vitest';
import { photoProblem } from './photos';

describe('photoProblem', () => {
  it('accepts the server’s types and sizes only', () => {
    expect(photoProblem({ type: 'image/jpeg', size: 1000 })).toBeNull();
    expect(photoProblem({ type: 'image/webp', size: MAX_PHOTO_BYTES })).toBeNull();
    expect(photoProblem({ type: 'image/gif', size: 1000 })).toBe('type');
    expect(photoProblem({ type: 'image/png', size: MAX_PHOTO_BYTES + 1 })).toBe('size');
    expect(photoProblem({ type: 'image/png', size: 0 })).toBe('empty');
  });
});
