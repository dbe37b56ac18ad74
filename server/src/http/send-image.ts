import type { FastifyReply } from 'fastify';

/**
 * Serves a stored upload. With nosniff (helmet) and a sandbox, even opened directly the
 * bytes are only ever an image.
 */
export function sendImage(reply: FastifyReply, image: { contentType: string; bytes: Buffer }, cacheControl: string) {
  return reply
    .type(image.contentType)
    .header('cache-control', cacheControl)
    .header('content-security-policy', "default-src 'none'; img-src 'self'; sandbox")
    .header('content-disposition', 'inline')
    .send(image.bytes);
}
