import type {} from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { HttpProblem, unauthorized } from '../../http/problem';
import type { RealtimeHub } from '../../infra/realtime/hub';

const RealtimeQuery = z.object({ display: z.string().min(16).max(200).optional() });

/**
 * `GET /api/v1/realtime`, upgraded to a WebSocket. Browsers send the session cookie; a room
 * screen sends `?display=<token>` instead, checked room by room by the registry. The Origin
 * must be the app's own: another site cannot ride a member's cookie (cross-site WebSocket
 * hijacking).
 */
export async function realtimeRoutes(app: FastifyInstance, opts: { hub: RealtimeHub; allowedOrigins: string[] }) {
  app.get(
    '/realtime',
    {
      websocket: true,
      schema: { querystring: RealtimeQuery },
      preHandler: async (request) => {
        const origin = request.headers.origin;
        if (!origin || !(opts.allowedOrigins.includes(origin) || sameHost(origin, request.headers.host))) {
          throw new HttpProblem(403, 'origin_forbidden', 'Connexion temps réel refusée depuis cette origine.');
        }
        const { display } = request.query as z.infer<typeof RealtimeQuery>;
        if (!display && !request.user) throw unauthorized();
      },
    },
    (socket, request) => {
      const { display } = request.query as z.infer<typeof RealtimeQuery>;
      opts.hub.accept(socket, display ? { kind: 'display', token: display } : { kind: 'user', user: request.user! });
    },
  );
}

/** The page that opens the socket was served by this very server (the usual same-origin check). */
function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}
