import type { ImportKind, ImportMapping, ImportPreview, ImportRun, ImportUpload } from '@synergies/shared';
import { request } from './client';

export type { ImportKind, ImportMapping, ImportPreview, ImportRun, ImportUpload };

const enc = encodeURIComponent;
const base = (slug: string) => `/zones/${enc(slug)}/imports`;

export const importsApi = {
  /** Sends the file as the request body; the server answers its columns and a mapping to start from. */
  upload: (slug: string, file: File, kind?: ImportKind) => request<ImportUpload>('POST', base(slug), { body: file, query: { fileName: file.name, kind } }),
  preview: (slug: string, id: string, kind: ImportKind, mapping: ImportMapping) =>
    request<ImportPreview>('POST', `${base(slug)}/${enc(id)}/preview`, { body: { kind, mapping } }),
  start: (slug: string, id: string, kind: ImportKind, mapping: ImportMapping) =>
    request<ImportRun>('POST', `${base(slug)}/${enc(id)}/start`, { body: { kind, mapping } }),
  get: (slug: string, id: string) => request<ImportRun>('GET', `${base(slug)}/${enc(id)}`),
  list: (slug: string) => request<ImportRun[]>('GET', base(slug)),
};
