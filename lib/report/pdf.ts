// The clinic report as a one-page PDF in the AGP report layout (pdfkit, vector drawing): header, glucose
// statistics with their targets, the time-in-ranges bar, the AGP (5–95 % and 25–75 % bands, median), the
// daily profiles, then allergies and conditions (a line each), medications, latest labs and open emergencies. A pure function of the report model
// (lib/report/model.ts), the same model the page renders. Meter-only periods print structured testing and
// say why there is no time in range. Only the standard PDF fonts (WinAnsi): no characters beyond them.
import PDFDocument from 'pdfkit';
import { contextTarget } from '../pipeline/glucose-structured';
import { agpSentence, CONTEXT_LABELS, DIABETES_TYPE_LABELS, EMERGENCY_LABELS, EMERGENCY_STATUS, glucoseNumber, glucoseText, PRESET_LABELS, RANGE_COLOURS, RANGE_ORDER, rangeGoals, rangeLabels, reportDay, unitLabel } from './format';
import { localDateTime } from '../time';
import type { ReportModel } from './model';

const PAGE = { width: 595.28, height: 841.89 }; // A4; fits US Letter's width too (margins 36)
const M = 36;
const W = PAGE.width - 2 * M;
const INK = '#0f172a';
const MUTED = '#475569';
const BAND_OUTER = '#c7dcf2';
const BAND_INNER = '#6f9fd4';
const MEDIAN = '#1d3f73';
const TARGET_FILL = '#e3f4e6';
const TARGET_LINE = '#2f9e44';

type Doc = InstanceType<typeof PDFDocument>;

function heading(doc: Doc, text: string, x: number, y: number, width = W) {
  doc.font('Helvetica-Bold').fontSize(9.5).fillColor(INK).text(text, x, y, { width });
  doc.moveTo(x, y + 12).lineTo(x + width, y + 12).lineWidth(0.5).strokeColor('#94a3b8').stroke();
  return y + 16;
}

function row(doc: Doc, label: string, value: string, x: number, y: number, width: number, note?: string) {
  doc.font('Helvetica').fontSize(8).fillColor(MUTED).text(label, x, y, { width: width * 0.55 });
  doc.font('Helvetica-Bold').fontSize(8).fillColor(INK).text(value, x + width * 0.55, y, { width: width * 0.45 });
  if (note) doc.font('Helvetica').fontSize(6.5).fillColor(MUTED).text(note, x + width * 0.55, y + 9, { width: width * 0.45 });
  return y + (note ? 19 : 12);
}

const yMaxOf = (values: number[]) => Math.max(350, Math.ceil(Math.max(0, ...values) / 50) * 50);

function header(doc: Doc, m: ReportModel) {
  doc.font('Helvetica-Bold').fontSize(14).fillColor(INK).text(m.source === 'cgm' ? 'AGP Report: Continuous Glucose Monitoring' : 'Glucose Report: Meter Readings (structured testing)', M, M, { width: W });
  doc.font('Helvetica-Bold').fontSize(11).text(m.patient.name, M, M + 20, { width: W * 0.6 });
  const printed = localDateTime(Date.parse(m.printedAt), m.patient.timeZone).slice(0, 10);
  const source = m.source === 'cgm' ? `CGM, ${m.metrics.readings} readings` : `Meter, ${m.metrics.readings} readings`;
  doc.font('Helvetica').fontSize(8).fillColor(MUTED)
    .text(`${reportDay(m.period.from)} - ${reportDay(m.period.to)} (${m.period.days} days)`, M, M + 35, { width: W * 0.6 })
    .text(`Printed ${reportDay(printed)}  |  Source: ${source}  |  Time zone: ${m.patient.timeZone}`, M, M + 45, { width: W });
  const p = m.profile;
  const right: string[] = [];
  if (p?.diabetesType) right.push(`${DIABETES_TYPE_LABELS[p.diabetesType]} diabetes${p.diagnosisYear ? `, diagnosed ${p.diagnosisYear}` : ''}`);
  if (p?.targetHba1c) right.push(`Target HbA1c ${p.targetHba1c} %`);
  right.push(`Targets: ${PRESET_LABELS[m.targets.preset]}`);
  doc.text(right.join('\n'), M + W * 0.55, M + 20, { width: W * 0.45, align: 'right' });
  if (m.shareNote) doc.fillColor('#9a3412').text(m.shareNote, M, M + 55, { width: W });
  return M + (m.shareNote ? 68 : 60);
}

function statistics(doc: Doc, m: ReportModel, x: number, y0: number, width: number) {
  let y = heading(doc, 'Glucose statistics and targets', x, y0, width);
  const mt = m.metrics;
  const g = (v: number | null) => (v === null ? 'n/a' : glucoseText(v, m.unit));
  y = row(doc, 'Period', `${reportDay(mt.from)} - ${reportDay(mt.to)}`, x, y, width);
  y = row(doc, 'Days with readings', `${mt.days} of ${m.period.days}`, x, y, width);
  y = row(doc, 'Readings', String(mt.readings), x, y, width);
  if (m.source === 'cgm') y = row(doc, '% time CGM is active', mt.activePercent === null ? 'n/a' : `${mt.activePercent.toFixed(1)} %`, x, y, width, 'goal 70 % or more');
  y = row(doc, m.source === 'cgm' ? 'Mean glucose' : 'Mean of readings', g(mt.mean), x, y, width);
  if (m.source === 'cgm') y = row(doc, 'Glucose Management Indicator (GMI)', mt.gmi === null ? 'n/a' : `${mt.gmi.toFixed(1)} %`, x, y, width);
  y = row(doc, 'Standard deviation (SD)', g(mt.sd), x, y, width);
  y = row(doc, 'Glucose variability (CV)', mt.cv === null ? 'n/a' : `${mt.cv.toFixed(1)} %`, x, y, width, mt.cv !== null && mt.cv > 36 ? 'above the 36 % goal (unstable)' : 'goal 36 % or less');
  return y;
}

function rangesBar(doc: Doc, m: ReportModel, x: number, y0: number, width: number) {
  const y = heading(doc, 'Time in Ranges', x, y0, width);
  const ranges = m.ranges!;
  const labels = rangeLabels(m.targets, m.unit);
  const goals = rangeGoals(m.targets);
  const barH = 130;
  const barW = 26;
  // Stacked from the bottom (very low) up; a share above 0 gets at least a sliver so it stays visible.
  let cursor = y + barH;
  const tops: Record<string, number> = {};
  for (const key of [...RANGE_ORDER].reverse()) {
    const h = ranges[key] > 0 ? Math.max(2, (barH * ranges[key]) / 100) : 0;
    cursor -= h;
    if (h > 0) doc.rect(x, cursor, barW, h).fill(RANGE_COLOURS[key]);
    tops[key] = cursor + h / 2;
  }
  let ly = y;
  for (const key of RANGE_ORDER) {
    doc.rect(x + barW + 8, ly + 2, 6, 6).fill(RANGE_COLOURS[key]);
    doc.font('Helvetica').fontSize(7.5).fillColor(INK).text(labels[key], x + barW + 18, ly, { width: width - barW - 70 });
    doc.font('Helvetica-Bold').fontSize(9).text(`${ranges[key]} %`, x + width - 46, ly, { width: 46, align: 'right' });
    if (goals[key]) doc.font('Helvetica').fontSize(6.5).fillColor(MUTED).text(goals[key]!, x + barW + 18, ly + 9, { width: width - barW - 18 });
    ly += 27;
  }
  return Math.max(y + barH, ly) + 4;
}

/** Maps minute-of-day and mg/dL into a box. */
function plot(x: number, y: number, w: number, h: number, yMax: number) {
  return { px: (minute: number) => x + (w * minute) / 1440, py: (mgdl: number) => y + h - (h * Math.min(mgdl, yMax)) / yMax };
}

function agpChart(doc: Doc, m: ReportModel, y0: number) {
  let y = heading(doc, 'Ambulatory Glucose Profile (AGP)', M, y0);
  doc.font('Helvetica').fontSize(7).fillColor(MUTED).text(agpSentence(m), M, y, { width: W });
  y += 20;
  const x = M + 28;
  const w = W - 34;
  const h = 150;
  const slots = m.agp ?? [];
  const yMax = yMaxOf(slots.map((s) => s.p95 ?? 0));
  const { px, py } = plot(x, y, w, h, yMax);
  doc.rect(x, py(m.targets.high), w, py(m.targets.low) - py(m.targets.high)).fill(TARGET_FILL);
  for (const v of [54, m.targets.low, m.targets.high, 250]) {
    doc.moveTo(x, py(v)).lineTo(x + w, py(v)).lineWidth(v === m.targets.low || v === m.targets.high ? 1 : 0.4).strokeColor(v === m.targets.low || v === m.targets.high ? TARGET_LINE : '#cbd5e1').stroke();
    doc.font('Helvetica').fontSize(6.5).fillColor(MUTED).text(glucoseNumber(v, m.unit), M, py(v) - 3, { width: 24, align: 'right' });
  }
  // Runs of slots with readings; a slot without any leaves a gap.
  const runs: (typeof slots)[] = [];
  for (const s of slots) {
    if (s.n === 0 || s.p50 === null) runs.push([]);
    else (runs.at(-1) ?? runs[runs.push([]) - 1]!).push(s);
  }
  const mid = (s: (typeof slots)[number]) => s.minute + 7.5;
  for (const run of runs.filter((r) => r.length > 0)) {
    const band = (hi: 'p95' | 'p75', lo: 'p5' | 'p25', colour: string) => {
      const edge = run.length === 1 ? [{ ...run[0]!, minute: run[0]!.minute - 3.5 }, { ...run[0]!, minute: run[0]!.minute + 3.5 }] : run;
      doc.moveTo(px(mid(edge[0]!)), py(edge[0]![hi]!));
      for (const s of edge.slice(1)) doc.lineTo(px(mid(s)), py(s[hi]!));
      for (const s of [...edge].reverse()) doc.lineTo(px(mid(s)), py(s[lo]!));
      doc.closePath().fill(colour);
    };
    band('p95', 'p5', BAND_OUTER);
    band('p75', 'p25', BAND_INNER);
    doc.moveTo(px(mid(run[0]!)), py(run[0]!.p50!));
    for (const s of run.slice(1)) doc.lineTo(px(mid(s)), py(s.p50!));
    doc.lineWidth(1.6).strokeColor(MEDIAN).stroke();
  }
  // The target bounds over the bands, so they stay visible.
  for (const v of [m.targets.low, m.targets.high]) doc.moveTo(x, py(v)).lineTo(x + w, py(v)).lineWidth(0.8).strokeColor(TARGET_LINE).stroke();
  doc.rect(x, y, w, h).lineWidth(0.5).strokeColor('#94a3b8').stroke();
  for (let hour = 0; hour <= 24; hour += 3) {
    doc.font('Helvetica').fontSize(6.5).fillColor(MUTED).text(`${String(hour % 24 === 0 && hour > 0 ? 24 : hour).padStart(2, '0')}:00`, px(hour * 60) - 12, y + h + 3, { width: 24, align: 'center' });
  }
  doc.text(unitLabel(m.unit), M, y - 9, { width: 30 });
  const legend = `Median (50 %) dark line; 25-75 % dark band; 5-95 % light band; in range ${glucoseNumber(m.targets.low, m.unit)}-${glucoseNumber(m.targets.high, m.unit)} ${unitLabel(m.unit)} shaded green`;
  doc.text(legend, x, y + h + 13, { width: w });
  return y + h + 26;
}

function dailyProfiles(doc: Doc, m: ReportModel, y0: number) {
  const y = heading(doc, m.source === 'cgm' ? 'Daily glucose profiles' : 'Daily readings', M, y0);
  const perRow = 7;
  const cw = W / perRow;
  const ch = 44;
  const yMax = yMaxOf(m.daily.flatMap((d) => d.points.map((p) => p.mgdl)));
  m.daily.forEach((day, i) => {
    const cx = M + (i % perRow) * cw + 2;
    const cy = y + Math.floor(i / perRow) * (ch + 14);
    const w = cw - 4;
    doc.font('Helvetica').fontSize(6.5).fillColor(MUTED).text(`${reportDay(day.day).replace(/ \d{4}$/, '')}${day.points.length === 0 ? ' (none)' : ''}`, cx, cy, { width: w });
    const top = cy + 8;
    const { px, py } = plot(cx, top, w, ch, yMax);
    doc.rect(cx, py(m.targets.high), w, py(m.targets.low) - py(m.targets.high)).fill(TARGET_FILL);
    doc.rect(cx, top, w, ch).lineWidth(0.4).strokeColor('#cbd5e1').stroke();
    if (day.kind === 'meter') {
      for (const p of day.points) doc.circle(px(p.minute), py(p.mgdl), 1.3).fill(MEDIAN);
      return;
    }
    let open = false;
    for (const p of day.points) {
      if (p.gapBefore || !open) {
        if (open) doc.lineWidth(0.7).strokeColor(MEDIAN).stroke();
        doc.moveTo(px(p.minute), py(p.mgdl));
        open = true;
      } else doc.lineTo(px(p.minute), py(p.mgdl));
    }
    if (open) doc.lineWidth(0.7).strokeColor(MEDIAN).stroke();
  });
  return y + Math.ceil(m.daily.length / perRow) * (ch + 14) + 2;
}

function structured(doc: Doc, m: ReportModel, y0: number) {
  let y = heading(doc, 'Structured testing (meter readings by meal context)', M, y0);
  if (m.metrics.note) {
    doc.font('Helvetica').fontSize(7.5).fillColor('#9a3412').text(m.metrics.note, M, y, { width: W });
    y = doc.y + 4;
  }
  const cols = [0, 0.3, 0.42, 0.58, 0.78];
  const head = ['Meal context', 'Readings', 'Average', '% in target', 'Target'];
  head.forEach((t, i) => doc.font('Helvetica-Bold').fontSize(7.5).fillColor(INK).text(t, M + W * cols[i]!, y, { width: W * 0.2 }));
  y += 11;
  for (const s of m.metrics.structured) {
    const t = s.target ?? contextTarget(s.context, m.targets.preset);
    const cells = [CONTEXT_LABELS[s.context] ?? s.context, String(s.count), glucoseText(s.mean, m.unit), `${Math.round(s.inTargetPercent)} %`, `${glucoseNumber(t.low, m.unit)}-${glucoseNumber(t.high, m.unit)} ${unitLabel(m.unit)}`];
    cells.forEach((c, i) => doc.font('Helvetica').fontSize(7.5).fillColor(INK).text(c, M + W * cols[i]!, y, { width: W * 0.22 }));
    y += 10;
  }
  if (m.metrics.structured.length === 0) {
    doc.font('Helvetica').fontSize(7.5).fillColor(MUTED).text('No meter readings in this period.', M, y);
    y += 10;
  }
  return y + 4;
}

/**
 * The record (issue 19) in one line each, allergies first (a severe or high-criticality one marked "!");
 * what does not fit is counted ("+N more"), never silently dropped.
 */
function recordLines(doc: Doc, m: ReportModel, y0: number) {
  const rows: [string, string[], string][] = [];
  if (m.allergies) rows.push(['Allergies: ', m.allergies.map((a) => `${a.dangerous ? '! ' : ''}${a.substance}${a.severity || a.reaction ? ` (${[a.severity, a.reaction].filter(Boolean).join(', ')})` : ''}`), 'None recorded.']);
  if (m.conditions) rows.push(['Conditions: ', m.conditions.map((c) => `${c.label}${c.code ? ` ${c.code}` : ''}${c.status !== 'active' ? ` (${c.status})` : ''}`), 'None recorded.']);
  let y = y0;
  for (const [label, items, empty] of rows) {
    doc.font('Helvetica').fontSize(7.5);
    const width = W - doc.font('Helvetica-Bold').widthOfString(label) - 4;
    doc.font('Helvetica');
    let shown = items.length;
    const textOf = (n: number) => (items.length === 0 ? empty : items.slice(0, n).join('; ') + (n < items.length ? `${n > 0 ? ';' : ''} +${items.length - n} more` : ''));
    while (shown > 0 && doc.widthOfString(textOf(shown)) > width) shown -= 1;
    doc.font('Helvetica-Bold').fillColor(INK).text(label, M, y, { continued: true }).font('Helvetica').text(textOf(shown), { width: W, lineBreak: false });
    y += 11;
  }
  return rows.length > 0 ? y + 4 : y0;
}

function lists(doc: Doc, m: ReportModel, y0: number) {
  const columns: { title: string; lines: string[] }[] = [];
  if (m.medications) {
    columns.push({
      title: 'Medications',
      lines: m.medications.length === 0 ? ['None recorded.'] : m.medications.map((x) => `${x.name}${x.dosage ? ` ${x.dosage}` : ''}${x.times.length ? ` (${x.times.join(', ')})` : ''}${x.endedOn ? `, ended ${reportDay(x.endedOn)}` : ''}`),
    });
  }
  if (m.labs) {
    columns.push({ title: 'Latest labs', lines: m.labs.length === 0 ? ['None recorded.'] : m.labs.map((l) => `${l.label}: ${l.value}${l.flag ? ` (${l.flag})` : ''}, ${reportDay(l.takenOn)}${l.note ? ` (${l.note})` : ''}`) });
  }
  if (m.emergencies) {
    columns.push({
      title: 'Open emergencies',
      lines: m.emergencies.length === 0 ? ['None open.'] : m.emergencies.map((e) => `${EMERGENCY_LABELS[e.kind]} (${EMERGENCY_STATUS[e.status]}), detected ${localDateTime(Date.parse(e.detectedAt), m.patient.timeZone).slice(0, 16).replace('T', ' ')}${e.details.mgdl !== undefined ? `: ${glucoseText(e.details.mgdl, m.unit)}` : ''}`),
    });
  }
  if (columns.length === 0) return y0;
  const cw = W / columns.length;
  let bottom = y0;
  columns.forEach((c, i) => {
    const x = M + i * cw;
    let y = heading(doc, c.title, x, y0, cw - 10);
    // One page: what does not fit is counted, never silently dropped.
    let shown = 0;
    for (const line of c.lines) {
      if (y > PAGE.height - M - 24) break;
      doc.font('Helvetica').fontSize(7.5).fillColor(INK).text(line, x, y, { width: cw - 10, height: 20, ellipsis: true });
      y = doc.y + 1;
      shown += 1;
    }
    if (shown < c.lines.length) doc.fillColor(MUTED).text(`and ${c.lines.length - shown} more (see the app)`, x, y, { width: cw - 10 });
    bottom = Math.max(bottom, doc.y);
  });
  return bottom + 6;
}

/** The report as PDF bytes (one A4 page). */
export function renderReportPdf(m: ReportModel): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: M, info: { Title: `Glucose report ${m.patient.name} ${m.period.from} to ${m.period.to}`, Creator: 'Pulse' } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  let y = header(doc, m);
  if (m.source === 'cgm' && m.ranges) {
    const half = (W - 20) / 2;
    const left = statistics(doc, m, M, y, half);
    const right = rangesBar(doc, m, M + half + 20, y, half);
    y = Math.max(left, right) + 6;
    if (m.metrics.note) {
      doc.font('Helvetica').fontSize(7.5).fillColor('#9a3412').text(m.metrics.note, M, y, { width: W });
      y = doc.y + 6;
    }
    y = agpChart(doc, m, y) + 4;
  } else {
    y = statistics(doc, m, M, y, W / 2) + 6;
    y = structured(doc, m, y);
  }
  y = dailyProfiles(doc, m, y) + 4;
  y = recordLines(doc, m, y);
  lists(doc, m, y);
  doc.end();
  return done;
}
