import { canSeeExchange, type CurrentUser } from '@synergies/shared';
import type { AppContext } from '../../context';
import { notFound } from '../../http/problem';
import * as repo from './repository';

/** Hand-over records: what one firm gave another (the marketplace writes them). */
export class ExchangeService {
  constructor(private readonly ctx: AppContext) {}

  async get(user: CurrentUser, id: string) {
    const e = await repo.findExchange(this.ctx.db, id);
    if (!e || !canSeeExchange(user, e)) throw notFound('Échange');
    return {
      id: e.id,
      synergyId: e.synergyId,
      giverName: e.giverName,
      takerName: e.takerName,
      description: e.description,
      quantity: e.quantity,
      unit: e.unit,
      handedOverAt: e.handedOverAt.toISOString(),
    };
  }
}
