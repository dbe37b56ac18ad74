import { MAX_PHOTO_BYTES } from '@synergies/shared';
import sharp, { type Metadata } from 'sharp';
import { badRequest, HttpProblem, payloadTooLarge, unsupportedMediaType } from '../http/problem';

/** Photos are shown at most this size; larger ones are scaled down on upload. */
export const MAX_PHOTO_EDGE = 2048;
/** Larger images are refused rather than decoded (decompression bombs). */
export const MAX_INPUT_EDGE = 10_000;
const MAX_INPUT_PIXELS = 50_000_000;

export type PhotoType = 'image/jpeg' | 'image/png' | 'image/webp';

/**
 * Decodes the upload and encodes a fresh image from its pixels: EXIF (GPS position,
 * camera serial), comments and anything appended after the image (a polyglot's script or
 * archive) do not survive, and what is served is an image whatever was sent.
 */
async function reencodePhoto(input: Buffer): Promise<{ bytes: Buffer; contentType: PhotoType; width: number; height: number }> {
  let meta: Metadata;
  try {
    meta = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
  } catch {
    throw unsupportedMediaType('Photo attendue au format JPEG, PNG ou WebP.');
  }
  const format = meta.format === 'jpeg' ? 'jpeg' : meta.format === 'png' ? 'png' : meta.format === 'webp' ? 'webp' : null;
  if (!format) throw unsupportedMediaType('Photo attendue au format JPEG, PNG ou WebP.');
  if (!meta.width || !meta.height || meta.width > MAX_INPUT_EDGE || meta.height > MAX_INPUT_EDGE) {
    throw new HttpProblem(422, 'image_too_large', `Une photo mesure au plus ${MAX_INPUT_EDGE} × ${MAX_INPUT_EDGE} pixels.`);
  }
  try {
    // As lenient as a browser with small defects: what is kept is a fresh image anyway.
    const pipeline = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'none', pages: 1 })
      // Applies the EXIF orientation to the pixels before the EXIF goes.
      .rotate()
      .resize({ width: MAX_PHOTO_EDGE, height: MAX_PHOTO_EDGE, fit: 'inside', withoutEnlargement: true });
    const encoded =
      format === 'jpeg'
        ? pipeline.jpeg({ quality: 85, mozjpeg: true })
        : format === 'png'
          ? pipeline.png({ compressionLevel: 9 })
          : pipeline.webp({ quality: 85 });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    return { bytes: data, contentType: `image/${format}`, width: info.width, height: info.height };
  } catch {
    throw unsupportedMediaType("L'image est endommagée ou illisible.");
  }
}

/** An uploaded photo or logo: its size checked, then only a re-encoded image is kept (the declared type is not trusted). */
export async function acceptUploadedImage(bytes: Buffer) {
  if (bytes.length > MAX_PHOTO_BYTES) throw payloadTooLarge(`Une image pèse au plus ${MAX_PHOTO_BYTES / 1024 / 1024} Mo.`);
  if (bytes.length === 0) throw badRequest('empty_file', 'Le fichier est vide.');
  return reencodePhoto(bytes);
}
