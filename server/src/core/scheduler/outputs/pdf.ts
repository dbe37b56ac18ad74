import PDFDocument from 'pdfkit';
import type { SchedulingEvent } from '../event-format';
import type { ScheduledMeeting } from '../types';
import { agendaOf, participantName } from './agenda';
import { synergyLabels, type SynergyTitles } from './rows';
import { frenchTime, longDate, slotTimes } from './times';

function collect(draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 48 });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    draw(doc);
    doc.end();
  });
}

const span = (start: string, end: string) => `${frenchTime(start)} – ${frenchTime(end)}`;

/** The agenda in the reader's language: French times "9 h 20", English "09:20". */
const AGENDA_WORDS = {
  fr: {
    title: (event: string, firm: string) => `${event} : agenda de ${firm}`,
    date: (date: string) => longDate(date, 'fr'),
    span,
    none: 'Aucun rendez-vous planifié.',
    with: (who: string, about: string[]) => `  avec ${who}${about.length ? ` : ${about.join(' ; ')}` : ''}`,
  },
  en: {
    title: (event: string, firm: string) => `${event}: ${firm}'s agenda`,
    date: (date: string) => longDate(date, 'en'),
    span: (start: string, end: string) => `${start} – ${end}`,
    none: 'No meeting scheduled.',
    with: (who: string, about: string[]) => `  with ${who}${about.length ? `: ${about.join('; ')}` : ''}`,
  },
} as const;

/** One firm's agenda: time, table, who, synergies. */
export function renderAgendaPdf(
  event: SchedulingEvent,
  meetings: readonly ScheduledMeeting[],
  participantId: string,
  synergyTitles: SynergyTitles = new Map(),
  locale: 'fr' | 'en' = 'fr',
): Promise<Buffer> {
  const w = AGENDA_WORDS[locale];
  return collect((doc) => {
    doc.fontSize(18).text(w.title(event.name, participantName(event, participantId)));
    doc
      .fontSize(11)
      .text(capitalise(w.date(event.date)))
      .moveDown();
    const lines = agendaOf(event, meetings, participantId);
    if (lines.length === 0) doc.text(w.none);
    for (const l of lines) {
      const about = synergyLabels(l.synergyIds, synergyTitles);
      doc.font('Helvetica-Bold').text(`${w.span(l.time.localStart, l.time.localEnd)}  ${l.tableName}`, { continued: true });
      doc.font('Helvetica').text(w.with(l.with.join(', '), about));
    }
  });
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Room plan: for each slot, which firms sit at which table. */
export function renderTablePlanPdf(event: SchedulingEvent, meetings: readonly ScheduledMeeting[]): Promise<Buffer> {
  const times = slotTimes(event);
  const names = new Map(event.participants.map((p) => [p.id, p.name ?? p.id]));
  return collect((doc) => {
    doc.fontSize(18).text(`${event.name} : plan de table`);
    doc
      .fontSize(11)
      .text(capitalise(longDate(event.date, 'fr')))
      .moveDown();
    for (const session of event.sessions) {
      for (const slot of session.slots) {
        const t = times.get(slot.id)!;
        doc.font('Helvetica-Bold').text(`${span(t.localStart, t.localEnd)}${session.name ? ` · ${session.name}` : ''}`);
        doc.font('Helvetica');
        for (const table of event.tables) {
          const m = meetings.find((x) => x.slotId === slot.id && x.tableId === table.id);
          if (m) doc.text(`  ${table.name ?? table.id}: ${m.participants.map((p) => names.get(p) ?? p).join(' / ')}`);
        }
        doc.moveDown(0.5);
      }
    }
  });
}
