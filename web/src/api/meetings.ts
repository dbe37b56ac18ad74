import type {
  Agenda,
  AgendaMeeting,
  DayOfChange,
  DayOfChangeResult,
  MeetingEvent,
  MeetingEventCreate,
  MeetingEventSummary,
  ZoneMeetingEvent,
  MeetingEventUpdate,
  MeetingFollowUp,
  MeetingRecord,
  MeetingRequest,
  MeetingRequestCreate,
  MeetingRequestUpdate,
  Schedule,
  ScheduleRun,
} from '@synergies/shared';
import type { z } from 'zod';
import { api, API_BASE } from './client';

export type MeetingEventView = z.infer<typeof MeetingEvent>;
export type MeetingEventSummaryView = z.infer<typeof MeetingEventSummary>;
export type ZoneMeetingEventView = z.infer<typeof ZoneMeetingEvent>;
export type MeetingEventInput = z.input<typeof MeetingEventCreate>;
export type MeetingEventPatch = z.input<typeof MeetingEventUpdate>;
export type MeetingRequestView = z.infer<typeof MeetingRequest>;
export type MeetingRequestInput = z.input<typeof MeetingRequestCreate>;
export type MeetingRequestPatch = z.input<typeof MeetingRequestUpdate>;
export type ScheduleRunView = z.infer<typeof ScheduleRun>;
export type ScheduleView = z.infer<typeof Schedule>;
export type AgendaView = z.infer<typeof Agenda>;
export type AgendaMeetingView = z.infer<typeof AgendaMeeting>;
export type DayOfChangeInput = z.input<typeof DayOfChange>;
export type DayOfChangeOutcome = z.infer<typeof DayOfChangeResult>;
export type MeetingRecordView = z.infer<typeof MeetingRecord>;
export type MeetingFollowUpInput = z.input<typeof MeetingFollowUp>;

const enc = encodeURIComponent;
const event = (id: string) => `/meeting-events/${enc(id)}`;

export const meetingsApi = {
  /** `year`: the events of that year, as the dashboard counts their meetings. */
  list: (zoneId: string, year?: number) => api.get<ZoneMeetingEventView[]>('/meeting-events', { zoneId, year }),
  get: (id: string) => api.get<MeetingEventView>(event(id)),
  create: (body: MeetingEventInput) => api.post<MeetingEventView>('/meeting-events', body),
  update: (id: string, body: MeetingEventPatch) => api.patch<MeetingEventView>(event(id), body),
  setStatus: (id: string, status: 'draft' | 'requests_open', version: number) => api.post<MeetingEventView>(`${event(id)}/status`, { status, version }),
  requests: (id: string) => api.get<MeetingRequestView[]>(`${event(id)}/requests`),
  addRequest: (id: string, body: MeetingRequestInput) => api.post<MeetingRequestView>(`${event(id)}/requests`, body),
  updateRequest: (id: string, requestId: string, body: MeetingRequestPatch) => api.patch<MeetingRequestView>(`${event(id)}/requests/${enc(requestId)}`, body),
  withdrawRequest: (id: string, requestId: string, organisationId?: string) =>
    api.delete(`${event(id)}/requests/${enc(requestId)}${organisationId ? `?organisationId=${enc(organisationId)}` : ''}`),
  startRun: (id: string, timeLimitSeconds = 30) => api.post<ScheduleRunView>(`${event(id)}/runs`, { timeLimitSeconds }),
  run: (id: string, runId: string) => api.get<ScheduleRunView>(`${event(id)}/runs/${enc(runId)}`),
  /** Null while no schedule has been computed. */
  schedule: async (id: string) => (await api.get<ScheduleView | undefined>(`${event(id)}/schedule`)) ?? null,
  publish: (id: string, version: number) => api.post<MeetingEventView>(`${event(id)}/publish`, { version }),
  change: (id: string, body: DayOfChangeInput) => api.post<DayOfChangeOutcome>(`${event(id)}/changes`, body),
  agenda: (id: string, organisationId: string) => api.get<AgendaView>(`${event(id)}/agendas/${enc(organisationId)}`),
  meetings: (id: string) => api.get<MeetingRecordView[]>(`${event(id)}/meetings`),
  followUp: (meetingId: string, body: MeetingFollowUpInput) => api.patch<MeetingRecordView>(`/meetings/${enc(meetingId)}`, body),
  /** Files the browser downloads or opens itself (the session cookie goes along). */
  urls: {
    agendaPdf: (id: string, organisationId: string) => `${API_BASE}${event(id)}/agendas/${enc(organisationId)}/pdf`,
    agendaIcs: (id: string, organisationId: string) => `${API_BASE}${event(id)}/agendas/${enc(organisationId)}/ics`,
    tablePlanPdf: (id: string) => `${API_BASE}${event(id)}/table-plan/pdf`,
    scheduleCsv: (id: string) => `${API_BASE}${event(id)}/schedule/csv`,
    scheduleXlsx: (id: string) => `${API_BASE}${event(id)}/schedule/xlsx`,
  },
};
