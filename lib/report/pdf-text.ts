// Text in the report PDF in any of Pulse's scripts. pdfkit's standard fonts are WinAnsi only and pdfkit has
// no font fallback, so each run of text gets its font here: Noto Sans for Latin (numbers, units, names)
// and the Noto font of its script for Devanagari (hi, mr), Tamil, Telugu, Bengali and Gujarati: Debian's
// fonts-noto-core files (.ci/run installs them). Not the @fontsource packages: their per-script subsets
// lose the GPOS anchors fontkit needs for Telugu and Gujarati marks (fontkit throws), their WOFF2 breaks
// fontkit's subsetter on composite glyphs, and their Latin subsets lack letters names may have.
//
// An Indic run is drawn twice. What a reader sees is the shaped run (fontkit's Indic shaper: conjuncts,
// reph, vowel signs placed before or around their consonant) drawn as glyph outlines. What a PDF reader
// extracts, searches and copies is an invisible text layer (render mode 3) of the same characters in
// logical order, one glyph per character. Shaped glyphs as text would extract in visual order ("िक" for
// "कि", "रिपोटर्" for "रिपोर्ट"), and pdf.js (unpdf, most browsers' viewers) ignores /ActualText.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type PDFDocument from 'pdfkit';
import { env } from '../env';

type Doc = InstanceType<typeof PDFDocument>;
export type Weight = 'regular' | 'bold';

type Glyph = { id: number; advanceWidth: number; codePoints: number[]; path: { toSVG(): string } };
type FontkitFont = {
  unitsPerEm: number;
  layout(text: string): { glyphs: Glyph[]; positions: { xAdvance: number; xOffset: number; yOffset: number }[] };
  glyphForCodePoint(cp: number): Glyph;
};
/** pdfkit's embedded font, as far as this file uses it (its fontkit font and its layout step). */
type Embedded = { font: FontkitFont; ascender: number; layout: (text: string, features?: unknown, onlyWidth?: boolean) => unknown };

const SCRIPTS = {
  deva: { file: 'NotoSansDevanagari', test: /[\u0900-\u097F\uA8E0-\uA8FF\u1CD0-\u1CFF]/ },
  beng: { file: 'NotoSansBengali', test: /[\u0980-\u09FF]/ },
  gujr: { file: 'NotoSansGujarati', test: /[\u0A80-\u0AFF]/ },
  taml: { file: 'NotoSansTamil', test: /[\u0B80-\u0BFF]/ },
  telu: { file: 'NotoSansTelugu', test: /[\u0C00-\u0C7F]/ },
} as const;
type Script = keyof typeof SCRIPTS;
/** Characters an Indic run shares with its neighbours (danda, joiners, dotted circle): they stay in the run's font. */
const SHARED = /[\u0964\u0965\u200C\u200D\u25CC]/;

const files = new Map<string, Buffer | null>();
function fontFile(name: string): Buffer | null {
  if (!files.has(name)) {
    const file = path.join(env().notoFontDir, name);
    files.set(name, existsSync(file) ? readFileSync(file) : null);
  }
  return files.get(name)!;
}

const styleOf = (w: Weight) => (w === 'bold' ? 'Bold' : 'Regular');
const fontName = (kind: 'latn' | Script, w: Weight) => `pulse-${kind}-${w}`;

/**
 * Registers the report's fonts on a document (the files are read once per process). Without Noto Sans,
 * Latin text falls back to pdfkit's Helvetica, so an English report still prints on a machine without
 * the fonts; a script's font is required only when a run of that script is drawn.
 */
export function registerFonts(doc: Doc) {
  for (const w of ['regular', 'bold'] as const) {
    doc.registerFont(fontName('latn', w), fontFile(`NotoSans-${styleOf(w)}.ttf`) ?? (w === 'bold' ? 'Helvetica-Bold' : 'Helvetica'));
    for (const [script, s] of Object.entries(SCRIPTS) as [Script, (typeof SCRIPTS)[Script]][]) {
      const data = fontFile(`${s.file}-${styleOf(w)}.ttf`);
      if (data) doc.registerFont(fontName(script, w), data);
    }
  }
}

/** The font of a run; a script whose font file is missing says which package provides it. */
function fontOf(kind: 'latn' | Script, w: Weight): string {
  if (kind !== 'latn' && !fontFile(`${SCRIPTS[kind].file}-${styleOf(w)}.ttf`)) {
    throw new Error(`The report PDF needs the font ${path.join(env().notoFontDir, `${SCRIPTS[kind].file}-${styleOf(w)}.ttf`)}: install Debian's fonts-noto-core (apt-get install fonts-noto-core) or set PULSE_NOTO_DIR.`);
  }
  return fontName(kind, w);
}

function embedded(doc: Doc, name: string, size: number): Embedded {
  doc.font(name).fontSize(size);
  return (doc as unknown as { _font: Embedded })._font;
}

type Run = { text: string; kind: 'latn' | Script };

/** The text cut into runs of one font each. */
export function runs(text: string): Run[] {
  const out: Run[] = [];
  for (const ch of text) {
    const prev = out.at(-1);
    let kind: Run['kind'] | undefined = (Object.keys(SCRIPTS) as Script[]).find((s) => SCRIPTS[s].test.test(ch));
    if (!kind && SHARED.test(ch) && prev && prev.kind in SCRIPTS) kind = prev.kind;
    kind ??= 'latn';
    if (prev?.kind === kind) prev.text += ch;
    else out.push({ text: ch, kind });
  }
  return out;
}

/** The width of a line of text at a size. */
export function widthOf(doc: Doc, text: string, size: number, weight: Weight = 'regular'): number {
  return runs(text).reduce((sum, r) => sum + (doc.font(fontOf(r.kind, weight)).fontSize(size).widthOfString(r.text)), 0);
}

/** One line at (x, y) (y: the top of the line, as pdfkit's text); returns its width. */
export function drawLine(doc: Doc, text: string, x: number, y: number, size: number, weight: Weight, colour: string): number {
  const baseline = y + (embedded(doc, fontName('latn', weight), size).ascender * size) / 1000;
  let cursor = x;
  for (const r of runs(text)) {
    if (r.kind === 'latn') {
      const f = embedded(doc, fontName(r.kind, weight), size);
      doc.fillColor(colour).text(r.text, cursor, baseline - (f.ascender * size) / 1000, { lineBreak: false });
      cursor += doc.widthOfString(r.text);
      continue;
    }
    // Seen: the shaped glyphs' outlines.
    const shaped = embedded(doc, fontOf(r.kind, weight), size).font;
    const scale = size / shaped.unitsPerEm;
    const { glyphs, positions } = shaped.layout(r.text);
    let pen = 0;
    glyphs.forEach((g, i) => {
      const p = positions[i]!;
      doc.save().translate(cursor + (pen + p.xOffset) * scale, baseline - p.yOffset * scale).scale(scale, -scale).path(g.path.toSVG()).fill(colour).restore();
      pen += p.xAdvance;
    });
    const width = pen * scale;
    // Read: the characters in logical order, unshaped, invisible, stretched to the run's width (their own
    // advances, so a text extractor sees one word, not letters with gaps between).
    // pdfkit keeps one instance per font file, so the unshaped layout is swapped in for this call only.
    const text = embedded(doc, fontName(r.kind, weight), size);
    const k = 1000 / text.font.unitsPerEm; // pdfkit's layouts are in 1/1000 em
    const shapedLayout = text.layout;
    text.layout = (t: string) => {
      // Each character's own glyph, carrying that character (the text's ToUnicode entry), whatever other
      // code points the font maps to the same glyph.
      const gs = [...t].map((ch) => {
        const g = text.font.glyphForCodePoint(ch.codePointAt(0)!);
        return { id: g.id, advanceWidth: g.advanceWidth, codePoints: [ch.codePointAt(0)!] };
      });
      return {
        glyphs: gs,
        positions: gs.map((g) => ({ xAdvance: g.advanceWidth * k, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: g.advanceWidth * k })),
        advanceWidth: gs.reduce((sum, g) => sum + g.advanceWidth * k, 0),
      };
    };
    const natural = doc.widthOfString(r.text);
    doc.save().addContent('3 Tr');
    if (natural > 0) doc.scale(width / natural, 1, { origin: [cursor, baseline] });
    try {
      doc.text(r.text, cursor, baseline - (text.ascender * size) / 1000, { lineBreak: false });
    } finally {
      text.layout = shapedLayout;
    }
    doc.addContent('0 Tr').restore();
    cursor += width;
  }
  return cursor - x;
}

export type BoxOptions = { width: number; size: number; weight?: Weight; colour: string; align?: 'left' | 'right' | 'center'; maxLines?: number; lineGap?: number };

/** Words wrapped into lines of at most `width` (explicit \n kept; a word longer than a line stays whole). */
export function wrap(doc: Doc, text: string, o: Pick<BoxOptions, 'width' | 'size' | 'weight' | 'maxLines'>): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      const next = line ? `${line} ${word}` : word;
      if (line && widthOf(doc, next, o.size, o.weight) > o.width) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    lines.push(line);
  }
  if (o.maxLines && lines.length > o.maxLines) {
    const kept = lines.slice(0, o.maxLines);
    let last = `${kept.at(-1)}…`;
    while (last.length > 1 && widthOf(doc, last, o.size, o.weight) > o.width) last = `${last.slice(0, -2)}…`;
    kept[kept.length - 1] = last;
    return kept;
  }
  return lines;
}

export const lineHeight = (size: number) => size * 1.4;

/** A block of text at (x, y) wrapped to `width`; returns the y below it. */
export function textBox(doc: Doc, text: string, x: number, y: number, o: BoxOptions): number {
  let top = y;
  for (const line of wrap(doc, text, o)) {
    const w = widthOf(doc, line, o.size, o.weight);
    const left = o.align === 'right' ? x + o.width - w : o.align === 'center' ? x + (o.width - w) / 2 : x;
    drawLine(doc, line, left, top, o.size, o.weight ?? 'regular', o.colour);
    top += lineHeight(o.size) + (o.lineGap ?? 0);
  }
  return top;
}
