import type {
  AgendaEntry,
  Association,
  Availability,
  Booking,
  BookingAnswer,
  BookingCreate,
  BookingStats,
  BookingSummary,
  CalendarFeed,
  DirectoryEntry,
  TimeOption,
} from '@synergies/shared';
import type { z } from 'zod';
import { api, request } from './client';
import type { MeetingEventInput, MeetingEventSummaryView, MeetingEventView } from './meetings';

export type BookingView = Booking;
export type BookingSummaryView = z.infer<typeof BookingSummary>;
export type BookingInput = z.input<typeof BookingCreate>;
export type BookingAnswerInput = z.input<typeof BookingAnswer>;
export type AgendaEntryView = AgendaEntry;
export type AvailabilityView = Availability;
export type CalendarFeedView = z.infer<typeof CalendarFeed>;
export type AssociationView = Association;
export type DirectoryEntryView = DirectoryEntry;
export type BookingStatsView = BookingStats;

const enc = encodeURIComponent;
const booking = (id: string) => `/bookings/${enc(id)}`;

export const bookingsApi = {
  list: (query: { zoneId?: string; associationId?: string; status?: string } = {}) => api.get<BookingSummaryView[]>('/bookings', query),
  get: (id: string) => api.get<BookingView>(booking(id)),
  propose: (body: BookingInput) => api.post<BookingView>('/bookings', body),
  answer: (id: string, body: BookingAnswerInput) => api.post<BookingView>(`${booking(id)}/answer`, body),
  reschedule: (id: string, option: TimeOption, version: number, message?: string) =>
    api.post<BookingView>(`${booking(id)}/reschedule`, { option, version, ...(message ? { message } : {}) }),
  cancel: (id: string, version: number, reason?: string) => api.post<BookingView>(`${booking(id)}/cancel`, { version, ...(reason ? { reason } : {}) }),
  outcome: (id: string, body: { outcome: 'held' | 'no_show'; notes: string; advance: boolean; version: number }) =>
    api.post<BookingView>(`${booking(id)}/outcome`, body),
  note: (id: string, body: string) => api.post<BookingView>(`${booking(id)}/messages`, { body }),
  suggestions: (organisationId: string, durationMinutes = 60) => api.get<TimeOption[]>('/bookings/suggestions', { organisationId, durationMinutes, limit: 6 }),
  stats: (query: { zoneId?: string; associationId?: string }) => api.get<BookingStatsView>('/bookings/stats', query),
  agenda: () => api.get<AgendaEntryView[]>('/agenda'),
  availability: () => api.get<AvailabilityView>('/availability'),
  saveAvailability: (body: { weekly: AvailabilityView['weekly']; unavailableDays: string[]; version: number }) =>
    request<AvailabilityView>('PUT', '/availability', { body }),
  feed: () => api.get<CalendarFeedView>('/calendar/feed'),
  regenerateFeed: () => api.post<CalendarFeedView>('/calendar/feed'),
  revokeFeed: () => api.delete('/calendar/feed'),
};

export const associationsApi = {
  create: (body: { zoneId: string; name: string; description?: string; premises?: string; memberIds?: string[] }) =>
    api.post<AssociationView>('/associations', body),
  addOrganiser: (id: string, email: string) => api.post<AssociationView>(`/associations/${enc(id)}/organisers`, { email }),
  removeOrganiser: (id: string, userId: string) => request<AssociationView>('DELETE', `/associations/${enc(id)}/organisers/${enc(userId)}`),
  list: (zoneId?: string) => api.get<AssociationView[]>('/associations', zoneId ? { zoneId } : {}),
  get: (id: string) => api.get<AssociationView>(`/associations/${enc(id)}`),
  /** Its business-meeting events, drafts included (organisers and facilitators). */
  events: (id: string) => api.get<MeetingEventSummaryView[]>(`/associations/${enc(id)}/events`),
  createEvent: (id: string, body: MeetingEventInput) => api.post<MeetingEventView>(`/associations/${enc(id)}/events`, body),
  directory: (id: string, query: { q?: string; kind?: string; categoryCode?: string; withSynergies?: boolean }) =>
    api.get<DirectoryEntryView[]>(`/associations/${enc(id)}/directory`, { ...query, withSynergies: query.withSynergies ? 'true' : undefined }),
  update: (id: string, body: { name?: string; description?: string; premises?: string; memberIds?: string[]; version: number }) =>
    api.patch<AssociationView>(`/associations/${enc(id)}`, body),
  uploadLogo: (id: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return request<AssociationView>('PUT', `/associations/${enc(id)}/logo`, { body: form });
  },
};
