import type { AppContext } from '../../context';
import { AgendaService } from './agendas';
import { DayOfService } from './day-of';
import { FollowUpService } from './follow-up';
import { MeetingRequestService } from './requests';
import { ScheduleRunService } from './runs';
import { ScheduleService } from './schedule';
import { MeetingEventService } from './service';

/** The business-meeting module's services, built once and handed to its routes. */
export interface MeetingServices {
  events: MeetingEventService;
  requests: MeetingRequestService;
  runs: ScheduleRunService;
  schedules: ScheduleService;
  dayOf: DayOfService;
  agendas: AgendaService;
  followUp: FollowUpService;
}

export function buildMeetingServices(ctx: AppContext): MeetingServices {
  return {
    events: new MeetingEventService(ctx),
    requests: new MeetingRequestService(ctx),
    runs: new ScheduleRunService(ctx),
    schedules: new ScheduleService(ctx),
    dayOf: new DayOfService(ctx),
    agendas: new AgendaService(ctx),
    followUp: new FollowUpService(ctx),
  };
}
