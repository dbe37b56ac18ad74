import type { AppContext } from '../../context';
import type { AuthService } from '../auth/service';
import type { DeclarationService } from '../declarations/service';
import type { MeetingServices } from '../meetings';
import { WorkshopDayService } from './day';
import { LiveService } from './live';
import type { WorkshopServices } from './routes';
import { WorkshopService } from './service';

export { workshopRoutes, type WorkshopServices } from './routes';
export { registerWorkshopRooms } from './rooms';

export function buildWorkshopServices(
  ctx: AppContext,
  deps: { auth: AuthService; declarations: DeclarationService; meetings: MeetingServices },
): WorkshopServices {
  return {
    workshops: new WorkshopService(ctx, deps.auth),
    live: new LiveService(ctx, deps.declarations),
    day: new WorkshopDayService(ctx, deps.meetings),
  };
}
