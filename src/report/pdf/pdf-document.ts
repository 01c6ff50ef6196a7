/**
 * A small layout layer over pdfkit for hipcheck's printed documents: an embedded Unicode font
 * (so "°", "≥", "–" and accented names print), A4 or Letter, headings, wrapped paragraphs,
 * tables that never split a row, page numbers, and a fixed creation date so that the same
 * input always gives the same bytes.
 */
import { createRequire } from "node:module";
import PDFDocument from "pdfkit";

export type PageSize = "a4" | "letter";
export const PAGE_SIZES: readonly PageSize[] = ["a4", "letter"];

const require = createRequire(import.meta.url);
/** DejaVu Sans (Bitstream Vera licence, free to embed), from the dejavu-fonts-ttf package. */
const FONTS = {
  regular: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"),
  bold: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"),
  italic: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf"),
} as const;
export type FontStyle = keyof typeof FONTS;

export const COLOURS = {
  text: "#0f172a",
  muted: "#475569",
  rule: "#cbd5e1",
  alert: "#b91c1c",
  alertFill: "#fef2f2",
  left: "#2563eb",
  right: "#ea580c",
  reference: "#0f172a",
  band: "#f1f5f9",
} as const;

const MARGIN = 50;
const BODY_SIZE = 9.5;
const LINE_GAP = 1.5;

export interface PdfMeta {
  title: string;
  /** YYYY-MM-DD: written as the creation date, so output does not depend on the clock. */
  date: string;
  page: PageSize;
  subject?: string;
}

/** A document being written; `finish()` adds page numbers and resolves to the PDF bytes. */
export interface PdfWriter {
  doc: PDFKit.PDFDocument;
  /** Usable width between the margins, points. */
  width: number;
  left: number;
  finish(): Promise<Buffer>;
}

export function createPdf(meta: PdfMeta): PdfWriter {
  const doc = new PDFDocument({
    size: meta.page === "a4" ? "A4" : "LETTER",
    margin: MARGIN,
    bufferPages: true,
    autoFirstPage: true,
    info: {
      Title: meta.title,
      Creator: "hipcheck",
      Producer: "hipcheck",
      ...(meta.subject ? { Subject: meta.subject } : {}),
      CreationDate: new Date(`${meta.date}T00:00:00Z`),
      ModDate: new Date(`${meta.date}T00:00:00Z`),
    },
  });
  for (const [name, path] of Object.entries(FONTS)) doc.registerFont(name, path);
  doc.font("regular").fontSize(BODY_SIZE).fillColor(COLOURS.text);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const width = doc.page.width - 2 * MARGIN;
  return {
    doc,
    width,
    left: MARGIN,
    finish() {
      numberPages(doc, meta.title);
      doc.end();
      return done;
    },
  };
}

/** "Title · page 2 of 5" in the bottom margin of every page. */
function numberPages(doc: PDFKit.PDFDocument, title: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the margin must not start a new page
    doc
      .font("regular")
      .fontSize(7.5)
      .fillColor(COLOURS.muted)
      .text(`${title} · page ${i + 1} of ${range.count}`, MARGIN, doc.page.height - 32, {
        width: doc.page.width - 2 * MARGIN,
        align: "center",
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
}

/** Starts a new page unless `height` points still fit above the bottom margin. */
export function ensureSpace(w: PdfWriter, height: number): void {
  const { doc } = w;
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

export function title(w: PdfWriter, text: string, subtitle?: string): void {
  const { doc } = w;
  doc
    .font("bold")
    .fontSize(17)
    .fillColor(COLOURS.text)
    .text(text, w.left, doc.y, { width: w.width });
  if (subtitle)
    doc.font("regular").fontSize(10).fillColor(COLOURS.muted).text(subtitle, { width: w.width });
  doc.moveDown(0.6);
  resetBody(w);
}

export function heading(w: PdfWriter, text: string): void {
  const { doc } = w;
  ensureSpace(w, 90);
  doc.moveDown(0.6);
  doc
    .font("bold")
    .fontSize(12)
    .fillColor(COLOURS.text)
    .text(text, w.left, doc.y, { width: w.width });
  const y = doc.y + 1;
  doc
    .moveTo(w.left, y)
    .lineTo(w.left + w.width, y)
    .lineWidth(0.5)
    .strokeColor(COLOURS.rule)
    .stroke();
  doc.y = y + 4;
  resetBody(w);
}

export interface ParagraphOptions {
  bullet?: string;
  indent?: number;
  style?: FontStyle;
  size?: number;
  colour?: string;
}

/** A wrapped paragraph at the current position; a bullet hangs to the left of the text. */
export function paragraph(w: PdfWriter, text: string, options: ParagraphOptions = {}): void {
  const { doc } = w;
  const indent = options.indent ?? 0;
  const size = options.size ?? BODY_SIZE;
  doc
    .font(options.style ?? "regular")
    .fontSize(size)
    .fillColor(options.colour ?? COLOURS.text);
  const hang = options.bullet ? 10 : 0;
  const x = w.left + indent + hang;
  const textWidth = w.width - indent - hang;
  ensureSpace(w, Math.min(doc.heightOfString(text, { width: textWidth, lineGap: LINE_GAP }), 40));
  const y = doc.y;
  if (options.bullet) doc.text(options.bullet, w.left + indent, y, { lineBreak: false });
  doc.text(text, x, y, { width: textWidth, lineGap: LINE_GAP });
  doc.moveDown(0.25);
  resetBody(w);
}

function resetBody(w: PdfWriter): void {
  w.doc.font("regular").fontSize(BODY_SIZE).fillColor(COLOURS.text);
  w.doc.x = w.left;
}

export interface Column {
  header: string;
  /** Share of the table width; the shares are scaled to fill it. */
  weight: number;
  align?: "left" | "right";
}

/** A table with a header row; a row is never split across pages, and the header repeats. */
export function table(w: PdfWriter, columns: readonly Column[], rows: readonly string[][]): void {
  const { doc } = w;
  const total = columns.reduce((sum, c) => sum + c.weight, 0);
  const widths = columns.map((c) => (c.weight / total) * w.width);
  const pad = 3;
  const size = 8;
  const rowHeight = (cells: readonly string[], style: FontStyle) => {
    doc.font(style).fontSize(size);
    return (
      Math.max(
        ...cells.map((cell, i) =>
          doc.heightOfString(cell || " ", { width: (widths[i] ?? 0) - 2 * pad }),
        ),
      ) +
      2 * pad
    );
  };
  const drawRow = (cells: readonly string[], style: FontStyle, shaded: boolean) => {
    const height = rowHeight(cells, style);
    const y = doc.y;
    if (shaded) doc.rect(w.left, y, w.width, height).fill(COLOURS.band);
    let x = w.left;
    cells.forEach((cell, i) => {
      const width = widths[i] ?? 0;
      doc
        .font(style)
        .fontSize(size)
        .fillColor(COLOURS.text)
        .text(cell, x + pad, y + pad, {
          width: width - 2 * pad,
          align: columns[i]?.align ?? "left",
        });
      x += width;
    });
    doc.y = y + height;
  };
  const header = columns.map((c) => c.header);
  ensureSpace(w, rowHeight(header, "bold") + rowHeight(rows[0] ?? header, "regular"));
  drawRow(header, "bold", false);
  rows.forEach((row, i) => {
    if (doc.y + rowHeight(row, "regular") > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      drawRow(header, "bold", false);
    }
    drawRow(row, "regular", i % 2 === 0);
  });
  doc.moveDown(0.5);
  resetBody(w);
}

/** A boxed, coloured notice (the referral): drawn before anything else that follows. */
export function alertBox(w: PdfWriter, heading: string, lines: readonly string[]): void {
  const { doc } = w;
  const pad = 8;
  const inner = w.width - 2 * pad;
  doc.font("bold").fontSize(11);
  let height = doc.heightOfString(heading, { width: inner }) + 4;
  doc.font("regular").fontSize(BODY_SIZE);
  for (const line of lines)
    height += doc.heightOfString(line, { width: inner, lineGap: LINE_GAP }) + 3;
  height += 2 * pad;
  ensureSpace(w, height);
  const top = doc.y;
  doc.rect(w.left, top, w.width, height).fillAndStroke(COLOURS.alertFill, COLOURS.alert);
  doc
    .font("bold")
    .fontSize(11)
    .fillColor(COLOURS.alert)
    .text(heading, w.left + pad, top + pad, { width: inner });
  doc.moveDown(0.2);
  doc.font("regular").fontSize(BODY_SIZE).fillColor(COLOURS.text);
  for (const line of lines) {
    doc.text(line, w.left + pad, doc.y, { width: inner, lineGap: LINE_GAP });
    doc.moveDown(0.2);
  }
  doc.y = top + height + 8;
  resetBody(w);
}
