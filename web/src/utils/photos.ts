import { MAX_PHOTO_BYTES, PHOTO_TYPES } from '@synergies/shared';

export type PhotoProblem = 'type' | 'size' | 'empty';

/** The server's photo rules, checked before sending anything. */
export function photoProblem(file: { type: string; size: number }): PhotoProblem | null {
  if (!(PHOTO_TYPES as readonly string[]).includes(file.type)) return 'type';
  if (file.size > MAX_PHOTO_BYTES) return 'size';
  if (file.size === 0) return 'empty';
  return null;
}
