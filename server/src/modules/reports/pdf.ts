import { findCategory, type ZoneDashboard } from '@synergies/shared';
import PDFDocument from 'pdfkit';
import type { ImplementedSynergyRow } from './repository';

/*
 * The annual activity report, laid out like the cooperative's own: big key figures first
 * ("46 entreprises mobilisées", "275 pistes de synergies"), then the charts, the synergies
 * implemented with their impacts, and where the impact factors come from. Charts are drawn
 * with pdfkit's vector primitives: nothing to rasterise, the text stays extractable.
 */

export interface ReportData {
  figures: ZoneDashboard;
  implemented: ImplementedSynergyRow[];
  factors: { categoryCode: string; co2eKgPerTonne: number; eurosPerTonne: number; source: string }[];
  generatedAt: Date;
}

const GREEN = '#1f6f4a';
const LIGHT = '#e7f1eb';
const GREY = '#5b6660';
const KIND_COLOURS: Record<string, string> = { substitution: '#1f6f4a', mutualisation: '#d08a1c', sharing: '#2a6fb0', potential_taker: '#8a5cb0' };
const KIND_LABELS: Record<string, string> = {
  substitution: 'Substitution',
  mutualisation: 'Mutualisation',
  sharing: 'Partage',
  potential_taker: 'Preneur potentiel',
};
const MONTHS = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'];

/** French figures with a plain space as thousands separator: the standard PDF fonts lack U+202F. */
export const frNumber = (n: number, digits = 0) => new Intl.NumberFormat('fr-FR', { maximumFractionDigits: digits }).format(n).replace(/[\u202f\u00a0]/g, ' ');
export const frDate = (d: Date) => new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(d);
const plural = (n: number, one: string, many: string) => `${frNumber(n)} ${n > 1 ? many : one}`;
const familyLabel = (code: string) => (code === 'other' ? 'Sans catégorie' : (findCategory(code)?.labelFr ?? code));

function keyFigures(doc: PDFKit.PDFDocument, data: ReportData) {
  const f = data.figures;
  const items = [
    [f.firms.mobilised, 'entreprise mobilisée', 'entreprises mobilisées'],
    [f.firms.employees, 'salarié représenté', 'salariés représentés'],
    [f.funnel.proposals, 'piste de synergies', 'pistes de synergies'],
    [f.funnel.inStudy, 'projet accompagné', 'projets accompagnés'],
    [f.funnel.implemented, 'synergie mise en œuvre', 'synergies mises en œuvre'],
    [f.meetings.held, "rendez-vous d'affaires", "rendez-vous d'affaires"],
  ] as const;
  const top = doc.y;
  const width = (doc.page.width - 96 - 20) / 3;
  items.forEach(([value, one, many], i) => {
    const x = 48 + (i % 3) * (width + 10);
    const y = top + Math.floor(i / 3) * 78;
    doc.rect(x, y, width, 68).fill(LIGHT);
    doc
      .fillColor(GREEN)
      .font('Helvetica-Bold')
      .fontSize(26)
      .text(frNumber(value), x + 10, y + 8, { width: width - 20 });
    doc
      .fillColor('#000')
      .font('Helvetica')
      .fontSize(10)
      .text(value > 1 ? many : one, x + 10, y + 42, { width: width - 20 });
  });
  doc.x = 48;
  doc.y = top + 2 * 78 + 6;
}

/** Horizontal bars with their labels and values. */
function bars(doc: PDFKit.PDFDocument, title: string, rows: { label: string; value: number; colour?: string; text?: string }[]) {
  if (doc.y > doc.page.height - 80 - rows.length * 22) doc.addPage();
  doc.fillColor('#000').font('Helvetica-Bold').fontSize(12).text(title, 48, doc.y).moveDown(0.4);
  const max = Math.max(1, ...rows.map((r) => r.value));
  const labelWidth = 170;
  const barSpace = doc.page.width - 96 - labelWidth - 70;
  for (const r of rows) {
    const y = doc.y;
    doc
      .font('Helvetica')
      .fontSize(9)
      .fillColor('#000')
      .text(r.label, 48, y + 3, { width: labelWidth - 8 });
    const w = (r.value / max) * barSpace;
    if (w > 0) doc.rect(48 + labelWidth, y, w, 14).fill(r.colour ?? GREEN);
    doc
      .fillColor(GREY)
      .fontSize(9)
      .text(r.text ?? frNumber(r.value), 48 + labelWidth + w + 6, y + 3, { lineBreak: false });
    doc.x = 48;
    doc.y = y + 20;
  }
  doc.moveDown(0.6);
}

function implementedTable(doc: PDFKit.PDFDocument, rows: ImplementedSynergyRow[]) {
  doc.addPage();
  doc.fillColor(GREEN).font('Helvetica-Bold').fontSize(14).text('Synergies mises en œuvre et leurs impacts', 48).moveDown(0.5);
  if (rows.length === 0) {
    doc.fillColor('#000').font('Helvetica').fontSize(10).text("Aucune synergie n'a été mise en œuvre cette année.");
    return;
  }
  for (const r of rows) {
    if (doc.y > doc.page.height - 110) doc.addPage();
    doc.fillColor('#000').font('Helvetica-Bold').fontSize(10).text(r.title, 48);
    doc
      .font('Helvetica')
      .fontSize(9)
      .fillColor(GREY)
      .text(`${KIND_LABELS[r.kind] ?? r.kind} · ${r.firms ?? ''} · mise en œuvre le ${frDate(new Date(r.implementedAt))}`);
    doc
      .fillColor('#000')
      .text(`${frNumber(r.tonnes, 1)} t détournées · ${frNumber(r.euros)} € économisés · ${frNumber(r.co2eKg)} kg CO2e évités · ${frNumber(r.km)} km évités`)
      .moveDown(0.5);
  }
}

function sources(doc: PDFKit.PDFDocument, factors: ReportData['factors']) {
  if (doc.y > doc.page.height - 160) doc.addPage();
  doc.moveDown(0.5).fillColor(GREEN).font('Helvetica-Bold').fontSize(12).text("Sources des facteurs d'impact", 48).moveDown(0.3);
  doc.fillColor('#000').font('Helvetica').fontSize(9);
  if (factors.length === 0) doc.text('Aucun facteur utilisé cette année.');
  for (const f of factors) {
    doc.text(
      `${findCategory(f.categoryCode)?.labelFr ?? f.categoryCode} : ${frNumber(f.co2eKgPerTonne)} kg CO2e et ${frNumber(f.eurosPerTonne)} € par tonne — source : ${f.source}`,
    );
  }
}

export function renderActivityReport(data: ReportData): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const f = data.figures;
    const doc = new PDFDocument({ size: 'A4', margin: 48, info: { Title: `Rapport d'activité ${f.year} - ${f.zone.name}`, Author: 'Synergies' } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);

    doc.fillColor(GREEN).font('Helvetica-Bold').fontSize(22).text(`Rapport d'activité ${f.year}`);
    doc.fillColor('#000').fontSize(14).text(f.zone.name);
    doc
      .font('Helvetica')
      .fontSize(10)
      .fillColor(GREY)
      .text(`Écologie industrielle territoriale : coopération inter-entreprises. Édité le ${frDate(data.generatedAt)}.`)
      .moveDown();
    doc.fillColor(GREEN).font('Helvetica-Bold').fontSize(12).text('Chiffres clés').moveDown(0.4);
    keyFigures(doc, data);
    doc
      .fillColor('#000')
      .font('Helvetica')
      .fontSize(10)
      .text(
        `En ${f.year}, ${plural(f.firms.mobilised, 'entreprise', 'entreprises')} représentant ${plural(f.firms.employees, 'salarié', 'salariés')} ont identifié ` +
          `${plural(f.funnel.proposals, 'piste de synergies', 'pistes de synergies')} ; ${plural(f.meetings.requested, "rendez-vous d'affaires a été demandé", "rendez-vous d'affaires ont été demandés")} ` +
          `et ${frNumber(f.meetings.held)} tenus. ${plural(f.impactTotals.synergies, 'synergie mise en œuvre a', 'synergies mises en œuvre ont')} détourné ` +
          `${frNumber(f.impactTotals.tonnes, 1)} t, économisé ${frNumber(f.impactTotals.euros)} € et évité ${frNumber(f.impactTotals.co2eKg)} kg CO2e et ${frNumber(f.impactTotals.km)} km.`,
        48,
      )
      .moveDown();

    bars(doc, 'Des fiches aux synergies mises en œuvre', [
      { label: 'Fiches déposées', value: f.funnel.declarations },
      { label: 'Pistes proposées', value: f.funnel.proposals },
      { label: 'En discussion', value: f.funnel.underDiscussion },
      { label: "À l'étude", value: f.funnel.inStudy },
      { label: 'Mises en œuvre', value: f.funnel.implemented },
    ]);
    bars(
      doc,
      'Pistes de synergies par famille et par type',
      f.synergiesByCategory.map((r) => ({
        label: `${familyLabel(r.category)} · ${KIND_LABELS[r.kind] ?? r.kind}`,
        value: r.count,
        colour: KIND_COLOURS[r.kind],
      })),
    );
    bars(doc, "Rendez-vous d'affaires", [
      { label: 'Demandés', value: f.meetings.requested },
      { label: 'Tenus', value: f.meetings.held },
    ]);
    bars(
      doc,
      'Tonnes détournées par mois de mise en œuvre',
      f.impactsByMonth.map((m) => ({ label: `${MONTHS[m.month - 1]} ${f.year}`, value: m.tonnes, text: `${frNumber(m.tonnes, 1)} t` })),
    );
    implementedTable(doc, data.implemented);
    sources(doc, data.factors);
    doc.end();
  });
}
