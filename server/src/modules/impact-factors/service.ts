import { isAdmin, type CurrentUser, type ImpactFactorUpdate } from '@synergies/shared';
import type { z } from 'zod';
import type { AppContext } from '../../context';
import { forbidden, notFound, versionConflict } from '../../http/problem';
import * as repo from './repository';

/** The admin-editable impact factors, each with its source. */
export class ImpactFactorService {
  constructor(private readonly ctx: AppContext) {}

  list() {
    return repo.impactFactors(this.ctx.db);
  }

  async update(user: CurrentUser, categoryCode: string, input: z.infer<typeof ImpactFactorUpdate>) {
    if (!isAdmin(user)) throw forbidden("Seul un administrateur modifie les facteurs d'impact");
    if (!(await repo.impactFactorExists(this.ctx.db, categoryCode))) throw notFound("Facteur d'impact");
    const { version, ...values } = input;
    if (!(await repo.updateImpactFactor(this.ctx.db, categoryCode, version, values, this.ctx.now()))) throw versionConflict();
    return (await this.list()).find((f) => f.categoryCode === categoryCode)!;
  }
}
