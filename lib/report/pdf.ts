// The clinic report as a one-page PDF in the AGP report layout (pdfkit, vector drawing): header, glucose
// statistics with their targets, the time-in-ranges bar, the AGP (5–95 % and 25–75 % bands, median), the
// daily profiles, then allergies and conditions (a line each), medications, latest labs and open emergencies. A pure function of the report model
// (lib/report/model.ts), the same model the page renders. Meter-only periods print structured testing and
// say why there is no time in range. In the reader's language (model.locale), each script in its Noto font
// (pdf-text.ts).
import PDFDocument from 'pdfkit';
import { localDigits } from '../format/health';
import { translator } from '../i18n/messages';
import { contextTarget } from '../pipeline/glucose-structured';
import { agpSentence, conditionStatusLabel, contextLabel, diabetesTypeLabel, emergencyLabel, emergencyStatusLabel, glucoseNumber, glucoseText, metricsNote, percentText, presetLabel, RANGE_COLOURS, RANGE_ORDER, rangeGoals, rangeLabels, reportDay, reportNumber, severityLabel, shortDay, unitLabel } from './format';
import { localDateTime } from '../time';
import type { ReportModel } from './model';
import { drawLine, registerFonts, textBox, widthOf, type BoxOptions } from './pdf-text';

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
type T = ReturnType<typeof translator<'report'>>;

/** Text at (x, y) wrapped to `width` (regular weight, ink colour unless told); returns the y below it. */
const put = (doc: Doc, text: string, x: number, y: number, o: Partial<BoxOptions> & { width: number; size: number }) =>
  textBox(doc, text, x, y, { colour: INK, ...o });

function heading(doc: Doc, text: string, x: number, y: number, width = W) {
  const bottom = put(doc, text, x, y - 1, { width, size: 9.5, weight: 'bold', maxLines: 1 });
  doc.moveTo(x, bottom).lineTo(x + width, bottom).lineWidth(0.5).strokeColor('#94a3b8').stroke();
  return bottom + 4;
}

function row(doc: Doc, label: string, value: string, x: number, y: number, width: number, note?: string) {
  const left = put(doc, label, x, y, { width: width * 0.55 - 4, size: 8, colour: MUTED });
  let right = put(doc, value, x + width * 0.55, y, { width: width * 0.45, size: 8, weight: 'bold' });
  if (note) right = put(doc, note, x + width * 0.55, right - 2, { width: width * 0.45, size: 6.5, colour: MUTED });
  return Math.max(left, right);
}

const yMaxOf = (values: number[]) => Math.max(350, Math.ceil(Math.max(0, ...values) / 50) * 50);

function header(doc: Doc, m: ReportModel, t: T) {
  const l = m.locale;
  put(doc, t(m.source === 'cgm' ? 'pdf.titleCgm' : 'pdf.titleMeter'), M, M - 2, { width: W, size: 14, weight: 'bold', maxLines: 1 });
  put(doc, m.patient.name, M, M + 18, { width: W * 0.55, size: 11, weight: 'bold', maxLines: 1 });
  const printed = localDateTime(Date.parse(m.printedAt), m.patient.timeZone).slice(0, 10);
  const count = m.metrics.readings;
  const source = t(m.source === 'cgm' ? 'pdf.sourceCgm' : 'pdf.sourceMeter', { count });
  let y = put(doc, t('pdf.period', { from: reportDay(m.period.from, l), to: reportDay(m.period.to, l), days: m.period.days }), M, M + 34, { width: W * 0.55, size: 8, colour: MUTED });
  y = put(doc, t('pdf.printed', { printed: reportDay(printed, l), source, zone: m.patient.timeZone }), M, y, { width: W, size: 8, colour: MUTED });
  const p = m.profile;
  const right: string[] = [];
  if (p?.diabetesType) {
    const type = diabetesTypeLabel(p.diabetesType, l);
    right.push(p.diagnosisYear ? t('pdf.diabetesDiagnosed', { type, year: localDigits(String(p.diagnosisYear), l) }) : t('diabetes', { type }));
  }
  if (p?.targetHba1c) right.push(t('pdf.targetHba1c', { value: localDigits(String(p.targetHba1c), l) }));
  right.push(t('targets', { preset: presetLabel(m.targets.preset, l) }));
  put(doc, right.join('\n'), M + W * 0.55, M + 18, { width: W * 0.45, size: 8, colour: MUTED, align: 'right' });
  if (m.shareNote) y = put(doc, m.shareNote, M, y, { width: W, size: 8, colour: '#9a3412' });
  return y + 4;
}

function statistics(doc: Doc, m: ReportModel, t: T, x: number, y0: number, width: number) {
  const l = m.locale;
  let y = heading(doc, t('statistics'), x, y0, width);
  const mt = m.metrics;
  const na = t('pdf.na');
  const g = (v: number | null) => (v === null ? na : glucoseText(v, m.unit, l));
  const pct = (v: number | null) => (v === null ? na : percentText(v, l, 1));
  y = row(doc, t('stats.period'), `${reportDay(mt.from, l)} - ${reportDay(mt.to, l)}`, x, y, width);
  y = row(doc, t('stats.days'), t('stats.daysOf', { days: reportNumber(mt.days, l), total: reportNumber(m.period.days, l) }), x, y, width);
  y = row(doc, t('stats.readings'), reportNumber(mt.readings, l), x, y, width);
  if (m.source === 'cgm') y = row(doc, t('pdf.active'), pct(mt.activePercent), x, y, width, t('stats.activeGoal'));
  y = row(doc, t(m.source === 'cgm' ? 'stats.mean' : 'stats.meanMeter'), g(mt.mean), x, y, width);
  if (m.source === 'cgm') y = row(doc, t('pdf.gmi'), pct(mt.gmi), x, y, width);
  y = row(doc, t('stats.sd'), g(mt.sd), x, y, width);
  y = row(doc, t('pdf.cv'), pct(mt.cv), x, y, width, mt.cv !== null && mt.cv > 36 ? t('pdf.cvAbove') : t('stats.cvGoal'));
  return y;
}

function rangesBar(doc: Doc, m: ReportModel, t: T, x: number, y0: number, width: number) {
  const l = m.locale;
  const y = heading(doc, t('pdf.timeInRanges'), x, y0, width);
  const ranges = m.ranges!;
  const labels = rangeLabels(m.targets, m.unit, l);
  const goals = rangeGoals(m.targets, l);
  const barH = 130;
  const barW = 26;
  // Stacked from the bottom (very low) up; a share above 0 gets at least a sliver so it stays visible.
  let cursor = y + barH;
  for (const key of [...RANGE_ORDER].reverse()) {
    const h = ranges[key] > 0 ? Math.max(2, (barH * ranges[key]) / 100) : 0;
    cursor -= h;
    if (h > 0) doc.rect(x, cursor, barW, h).fill(RANGE_COLOURS[key]);
  }
  let ly = y;
  for (const key of RANGE_ORDER) {
    doc.rect(x + barW + 8, ly + 3, 6, 6).fill(RANGE_COLOURS[key]);
    put(doc, labels[key], x + barW + 18, ly, { width: width - barW - 70, size: 7.5, maxLines: 1 });
    put(doc, percentText(ranges[key], l), x + width - 46, ly - 1, { width: 46, size: 9, weight: 'bold', align: 'right' });
    if (goals[key]) put(doc, goals[key]!, x + barW + 18, ly + 10, { width: width - barW - 18, size: 6.5, colour: MUTED, maxLines: 1 });
    ly += 27;
  }
  return Math.max(y + barH, ly) + 4;
}

/** Maps minute-of-day and mg/dL into a box. */
function plot(x: number, y: number, w: number, h: number, yMax: number) {
  return { px: (minute: number) => x + (w * minute) / 1440, py: (mgdl: number) => y + h - (h * Math.min(mgdl, yMax)) / yMax };
}

function agpChart(doc: Doc, m: ReportModel, t: T, y0: number) {
  const l = m.locale;
  let y = heading(doc, t('pdf.agp'), M, y0);
  y = put(doc, agpSentence(m, l), M, y, { width: W, size: 7, colour: MUTED, maxLines: 3 }) + 12;
  const x = M + 28;
  const w = W - 34;
  const h = 150;
  const slots = m.agp ?? [];
  const yMax = yMaxOf(slots.map((s) => s.p95 ?? 0));
  const { px, py } = plot(x, y, w, h, yMax);
  doc.rect(x, py(m.targets.high), w, py(m.targets.low) - py(m.targets.high)).fill(TARGET_FILL);
  for (const v of [54, m.targets.low, m.targets.high, 250]) {
    doc.moveTo(x, py(v)).lineTo(x + w, py(v)).lineWidth(v === m.targets.low || v === m.targets.high ? 1 : 0.4).strokeColor(v === m.targets.low || v === m.targets.high ? TARGET_LINE : '#cbd5e1').stroke();
    put(doc, glucoseNumber(v, m.unit, l), M, py(v) - 4.5, { width: 24, size: 6.5, colour: MUTED, align: 'right' });
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
    put(doc, localDigits(`${String(hour % 24 === 0 && hour > 0 ? 24 : hour).padStart(2, '0')}:00`, l), px(hour * 60) - 12, y + h + 2, { width: 24, size: 6.5, colour: MUTED, align: 'center' });
  }
  put(doc, unitLabel(m.unit), M, y - 10, { width: 30, size: 6.5, colour: MUTED });
  const legend = t('pdf.legend', { low: glucoseNumber(m.targets.low, m.unit, l), high: glucoseNumber(m.targets.high, m.unit, l), unit: unitLabel(m.unit) });
  return put(doc, legend, x, y + h + 12, { width: w, size: 6.5, colour: MUTED, maxLines: 2 }) + 2;
}

function dailyProfiles(doc: Doc, m: ReportModel, t: T, y0: number) {
  const y = heading(doc, t(m.source === 'cgm' ? 'dailyCgm' : 'dailyMeter'), M, y0);
  const perRow = 7;
  const cw = W / perRow;
  const ch = 44;
  const yMax = yMaxOf(m.daily.flatMap((d) => d.points.map((p) => p.mgdl)));
  m.daily.forEach((day, i) => {
    const cx = M + (i % perRow) * cw + 2;
    const cy = y + Math.floor(i / perRow) * (ch + 14);
    const w = cw - 4;
    const label = shortDay(day.day, m.locale);
    put(doc, day.points.length === 0 ? t('pdf.noneDay', { day: label }) : label, cx, cy - 1.5, { width: w, size: 6.5, colour: MUTED, maxLines: 1 });
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

function structured(doc: Doc, m: ReportModel, t: T, y0: number) {
  const l = m.locale;
  let y = heading(doc, t('pdf.structured'), M, y0);
  const note = metricsNote(m.metrics, l);
  if (note) y = put(doc, note, M, y, { width: W, size: 7.5, colour: '#9a3412' }) + 4;
  const cols = [0, 0.3, 0.42, 0.58, 0.78];
  const head = [t('table.context'), t('table.readings'), t('table.average'), t('pdf.inTarget'), t('table.target')];
  let bottom = y;
  head.forEach((text, i) => { bottom = Math.max(bottom, put(doc, text, M + W * cols[i]!, y, { width: W * 0.2 - 4, size: 7.5, weight: 'bold' })); });
  y = bottom;
  for (const s of m.metrics.structured) {
    const target = s.target ?? contextTarget(s.context, m.targets.preset);
    const cells = [contextLabel(s.context, l), reportNumber(s.count, l), glucoseText(s.mean, m.unit, l), percentText(Math.round(s.inTargetPercent), l), `${glucoseNumber(target.low, m.unit, l)}-${glucoseNumber(target.high, m.unit, l)} ${unitLabel(m.unit)}`];
    bottom = y;
    cells.forEach((c, i) => { bottom = Math.max(bottom, put(doc, c, M + W * cols[i]!, y, { width: W * 0.22, size: 7.5, maxLines: 1 })); });
    y = bottom;
  }
  if (m.metrics.structured.length === 0) y = put(doc, t('pdf.noMeter'), M, y, { width: W, size: 7.5, colour: MUTED });
  return y + 4;
}

/**
 * The record (issue 19) in one line each, allergies first (a severe or high-criticality one marked "!");
 * what does not fit is counted ("+N more"), never silently dropped.
 */
function recordLines(doc: Doc, m: ReportModel, t: T, y0: number) {
  const l = m.locale;
  const rows: [string, string[]][] = [];
  if (m.allergies) rows.push([t('allergies'), m.allergies.map((a) => `${a.dangerous ? '! ' : ''}${a.substance}${a.severity || a.reaction ? ` (${[a.severity && severityLabel(a.severity, l), a.reaction].filter(Boolean).join(', ')})` : ''}`)]);
  if (m.conditions) rows.push([t('conditions'), m.conditions.map((c) => `${c.label}${c.code ? ` ${c.code}` : ''}${c.status !== 'active' ? ` (${conditionStatusLabel(c.status, l)})` : ''}`)]);
  let y = y0;
  for (const [label, items] of rows) {
    const labelWidth = drawLine(doc, label, M, y, 7.5, 'bold', INK) + 3;
    const width = W - labelWidth - 4;
    let shown = items.length;
    const more = (n: number) => t('pdf.more', { count: reportNumber(n, l) });
    const textOf = (n: number) => (items.length === 0 ? t('noneRecorded') : items.slice(0, n).join('; ') + (n < items.length ? `${n > 0 ? '; ' : ''}${more(items.length - n)}` : ''));
    while (shown > 0 && widthOf(doc, textOf(shown), 7.5) > width) shown -= 1;
    drawLine(doc, textOf(shown), M + labelWidth, y, 7.5, 'regular', INK);
    y += 11;
  }
  return rows.length > 0 ? y + 4 : y0;
}

function lists(doc: Doc, m: ReportModel, t: T, y0: number) {
  const l = m.locale;
  const none = t('noneRecorded');
  const columns: { title: string; lines: string[] }[] = [];
  if (m.medications) {
    columns.push({
      title: t('medications'),
      lines: m.medications.length === 0 ? [none] : m.medications.map((x) => `${x.name}${x.dosage ? ` ${x.dosage}` : ''}${x.times.length ? ` (${x.times.map((time) => localDigits(time, l)).join(', ')})` : ''}${x.endedOn ? `, ${t('ended', { day: reportDay(x.endedOn, l) })}` : ''}`),
    });
  }
  if (m.labs) {
    columns.push({ title: t('labs'), lines: m.labs.length === 0 ? [none] : m.labs.map((lab) => `${lab.label}: ${lab.value}${lab.flag ? ` (${lab.flag})` : ''}, ${reportDay(lab.takenOn, l)}${lab.note ? ` (${lab.note})` : ''}`) });
  }
  if (m.emergencies) {
    columns.push({
      title: t('emergencies'),
      lines: m.emergencies.length === 0 ? [t('noneOpen')] : m.emergencies.map((e) => {
        const at = localDigits(localDateTime(Date.parse(e.detectedAt), m.patient.timeZone).slice(0, 16).replace('T', ' '), l);
        const line = t('pdf.detected', { kind: emergencyLabel(e.kind, l), status: emergencyStatusLabel(e.status, l), at });
        return e.details.mgdl !== undefined ? `${line}: ${glucoseText(e.details.mgdl, m.unit, l)}` : line;
      }),
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
      y = put(doc, line, x, y, { width: cw - 10, size: 7.5, maxLines: 2 }) + 1;
      shown += 1;
    }
    if (shown < c.lines.length) y = put(doc, t('pdf.andMore', { count: reportNumber(c.lines.length - shown, l) }), x, y, { width: cw - 10, size: 7.5, colour: MUTED });
    bottom = Math.max(bottom, y);
  });
  return bottom + 6;
}

/** The report as PDF bytes (one A4 page), in the reader's language (model.locale). */
export function renderReportPdf(m: ReportModel): Promise<Buffer> {
  const t = translator(m.locale, 'report');
  const doc = new PDFDocument({ size: 'A4', margin: M, lang: m.locale, info: { Title: t('pdf.docTitle', { name: m.patient.name, from: m.period.from, to: m.period.to }), Creator: 'Pulse' } });
  registerFonts(doc);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  let y = header(doc, m, t);
  if (m.source === 'cgm' && m.ranges) {
    const half = (W - 20) / 2;
    const left = statistics(doc, m, t, M, y, half);
    const right = rangesBar(doc, m, t, M + half + 20, y, half);
    y = Math.max(left, right) + 6;
    const note = metricsNote(m.metrics, m.locale);
    if (note) y = put(doc, note, M, y, { width: W, size: 7.5, colour: '#9a3412' }) + 6;
    y = agpChart(doc, m, t, y) + 4;
  } else {
    y = statistics(doc, m, t, M, y, W / 2) + 6;
    y = structured(doc, m, t, y);
  }
  y = dailyProfiles(doc, m, t, y) + 4;
  y = recordLines(doc, m, t, y);
  lists(doc, m, t, y);
  doc.end();
  return done;
}
