import type { RawSql } from '../../infra/db';
import { unprocessable } from '../../http/problem';
import { eventAssociation, linkEvent } from './repository';

/** What the meetings module asks about events an association runs. */
export const linkAssociationEvent = linkEvent;
export { eventAssociation };

export async function organisesEvent(sql: RawSql, userId: string, eventId: string): Promise<boolean> {
  return (await eventAssociation(sql, eventId))?.organiser_ids.includes(userId) ?? false;
}

/** An organiser keeps an association's event to the association's members. */
export async function assertAssociationMembers(sql: RawSql, eventId: string, participants: { organisationId: string }[]): Promise<void> {
  const association = await eventAssociation(sql, eventId);
  if (!association) return;
  const errors = participants.flatMap((p, i) =>
    association.member_ids.includes(p.organisationId)
      ? []
      : [{ path: `body.participants.${i}.organisationId`, message: "Cette entreprise n'est pas membre de l'association", code: 'not_association_member' }],
  );
  if (errors.length) throw unprocessable('not_association_member', "Les participants sont des membres de l'association.", errors);
}
