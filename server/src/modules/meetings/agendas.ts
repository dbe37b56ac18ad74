import { titleForReader, type Agenda, type CurrentUser } from '@synergies/shared';
import { renderAgendaPdf, renderScheduleCsv, renderScheduleXlsx, renderTablePlanPdf } from '../../core/scheduler';
import type { AppContext } from '../../context';
import { forbidden, notFound } from '../../http/problem';
import { accessEvent, requireFacilitator, type EventAccess } from './access';
import { agendaIcs } from './ics-updates';
import * as schedules from './schedule-repository';
import { byTime, scheduleLookup } from './scheduling-event';

export interface Download {
  filename: string;
  contentType: string;
  body: string | Buffer;
}

/** A name fit for a file: no accents, no spaces, nothing a header must escape. */
export function fileSafe(name: string): string {
  return (
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase() || 'export'
  );
}

/**
 * What firms and facilitators read: a firm's agenda (JSON, PDF, ICS), the room's table plan
 * and the full list (CSV, XLSX). Members read their own firm's agenda once published;
 * facilitators read everything, the unpublished preview included.
 */
export class AgendaService {
  constructor(private readonly ctx: AppContext) {}

  /** The schedule `access` may read: the published one, or for facilitators the latest. */
  private async readable(access: EventAccess) {
    const version = access.facilitator ? undefined : access.event.publishedScheduleVersion;
    if (!access.facilitator && version === null) throw notFound('Agenda');
    const schedule =
      version === undefined || version === null
        ? await schedules.latestSchedule(this.ctx.db, access.event.id)
        : await schedules.findSchedule(this.ctx.db, access.event.id, version);
    if (!schedule) throw notFound('Planning');
    return schedule;
  }

  private async forFirm(user: CurrentUser, eventId: string, organisationId: string) {
    const access = await accessEvent(this.ctx.db, user, eventId);
    if (!access.facilitator && user.organisationId !== organisationId) throw forbidden("Vous ne lisez que l'agenda de votre entreprise");
    const schedule = await this.readable(access);
    const firm = schedule.event.participants.find((p) => p.id === organisationId);
    if (!firm) throw notFound('Agenda');
    return { access, schedule, name: firm.name ?? firm.id };
  }

  async agenda(user: CurrentUser, eventId: string, organisationId: string): Promise<Agenda> {
    const { access, schedule, name } = await this.forFirm(user, eventId, organisationId);
    const lookup = scheduleLookup(schedule.event);
    const published = schedule.version === access.event.publishedScheduleVersion;
    const rows = published
      ? new Map((await schedules.meetingsOf(this.ctx.db, eventId, organisationId)).map((m) => [m.requestId, m]))
      : new Map<string, schedules.MeetingRow>();
    const meetings = schedule.meetings
      .filter((m) => m.participants.includes(organisationId))
      .map((m) => {
        const row = rows.get(m.requestId);
        return {
          meetingId: row?.id ?? null,
          requestId: m.requestId,
          ...lookup.timing(m.slotId),
          tableId: m.tableId,
          tableName: lookup.tableName(m.tableId),
          with: lookup.organisations(m.participants.filter((p) => p !== organisationId)),
          synergyIds: lookup.requestOf(m.requestId)?.synergyIds ?? [],
          status: row?.status ?? 'scheduled',
          outcome: row?.outcome ?? '',
          version: row?.version ?? null,
        };
      });
    const { event } = access;
    return {
      eventId,
      eventName: event.name,
      date: event.date,
      timeZone: event.timeZone,
      organisation: { id: organisationId, name },
      scheduleVersion: schedule.version,
      meetings: byTime(meetings),
    };
  }

  /** Synergy titles as the reader says them (the spreadsheets' columns are French, so are their titles). */
  private async titles(schedule: Pick<schedules.StoredSchedule, 'event'>, locale: 'fr' | 'en') {
    return new Map((await schedules.synergyTitles(this.ctx.db, schedule)).map((row) => [row.id, titleForReader(row, locale)]));
  }

  async agendaPdf(user: CurrentUser, eventId: string, organisationId: string): Promise<Download> {
    const { schedule, name } = await this.forFirm(user, eventId, organisationId);
    const titles = await this.titles(schedule, user.locale);
    const body = await renderAgendaPdf(schedule.event, schedule.meetings, organisationId, titles, user.locale);
    return { filename: `agenda-${fileSafe(name)}.pdf`, contentType: 'application/pdf', body };
  }

  async agendaIcs(user: CurrentUser, eventId: string, organisationId: string): Promise<Download> {
    const { schedule, name } = await this.forFirm(user, eventId, organisationId);
    const body = agendaIcs(schedule.event, schedule.meetings, organisationId, schedule.version, this.ctx.now(), user.locale);
    return { filename: `agenda-${fileSafe(name)}.ics`, contentType: 'text/calendar; charset=utf-8', body };
  }

  private async wholeSchedule(user: CurrentUser, eventId: string) {
    const access = await accessEvent(this.ctx.db, user, eventId);
    requireFacilitator(access);
    return { event: access.event, schedule: await this.readable(access) };
  }

  async tablePlanPdf(user: CurrentUser, eventId: string): Promise<Download> {
    const { event, schedule } = await this.wholeSchedule(user, eventId);
    return {
      filename: `plan-des-tables-${fileSafe(event.name)}.pdf`,
      contentType: 'application/pdf',
      body: await renderTablePlanPdf(schedule.event, schedule.meetings),
    };
  }

  async scheduleCsv(user: CurrentUser, eventId: string): Promise<Download> {
    const { event, schedule } = await this.wholeSchedule(user, eventId);
    return {
      filename: `rendez-vous-${fileSafe(event.name)}.csv`,
      contentType: 'text/csv; charset=utf-8',
      body: renderScheduleCsv(schedule.event, schedule.meetings, await this.titles(schedule, 'fr')),
    };
  }

  async scheduleXlsx(user: CurrentUser, eventId: string): Promise<Download> {
    const { event, schedule } = await this.wholeSchedule(user, eventId);
    return {
      filename: `rendez-vous-${fileSafe(event.name)}.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      body: await renderScheduleXlsx(schedule.event, schedule.meetings, await this.titles(schedule, 'fr')),
    };
  }
}
