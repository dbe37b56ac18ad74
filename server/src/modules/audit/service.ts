import { canReadZoneAudit, type AuditEntry, type CurrentUser } from '@synergies/shared';
import type { AppContext } from '../../context';
import { decodeSerialCursor, encodeSerialCursor } from '../../http/cursor';
import { forbidden } from '../../http/problem';
import * as repo from './repository';

export type AuditRecord = repo.AuditInsert;

/** Who changed what in a zone: written for every accepted change, read by the zone's facilitators. */
export class AuditService {
  constructor(private readonly ctx: AppContext) {}

  async record(entry: AuditRecord): Promise<void> {
    await repo.insertEntry(this.ctx.db, entry);
  }

  async zoneJournal(
    user: CurrentUser,
    q: { zoneId: string; cursor?: string | undefined; limit: number },
  ): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
    if (!canReadZoneAudit(user, q.zoneId)) throw forbidden('Seuls les animateurs de la zone lisent son journal');
    const rows = await repo.zonePage(this.ctx.db, q.zoneId, decodeSerialCursor(q.cursor), q.limit);
    const items = rows.slice(0, q.limit).map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actor: r.actorId ? { id: r.actorId, displayName: r.actorName! } : null,
      organisation: r.organisationId ? { id: r.organisationId, name: r.organisationName! } : null,
      method: r.method as AuditEntry['method'],
      route: r.route,
      entityId: r.entityId,
      status: r.status,
    }));
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > q.limit && last ? encodeSerialCursor(last.id) : null };
  }

  changesBy(userId: string) {
    return repo.changesBy(this.ctx.db, userId);
  }
}
