/**
 * The exercise handout: one card per exercise of a programme — its figure (the library's SVG,
 * drawn as vector paths), the dose per side as prescribed, the start position, the steps and
 * the cues. Cards are kept whole and packed onto as few pages as they fit.
 */
import SVGtoPDF from "svg-to-pdfkit";
import { findExercise, illustrate } from "../../core/exercises/library.js";
import type { Prescription, Programme } from "../../core/program/programme.types.js";
import { doseText } from "../programme-calendar.js";
import {
  COLOURS,
  createPdf,
  ensureSpace,
  type PageSize,
  type PdfWriter,
  title,
} from "./pdf-document.js";

const FIGURE_WIDTH = 160;
const GUTTER = 14;
const CARD_GAP = 12;

export interface HandoutOptions {
  page: PageSize;
  /** The runner's name, printed in the title when known. */
  name?: string;
}

/** Renders the handout; the PDF's creation date is the programme's first day. */
export async function handoutPdf(programme: Programme, options: HandoutOptions): Promise<Buffer> {
  const w = createPdf({
    title: `hipcheck exercises${options.name ? ` · ${options.name}` : ""} · from ${programme.start}`,
    date: programme.start,
    page: options.page,
    subject: "Exercise handout",
  });
  title(
    w,
    `Your exercises${options.name ? ` — ${options.name}` : ""}`,
    `${programme.start} to ${programme.end} · dark figure: start position, light blue: end position, orange arrows: the movement`,
  );
  for (const [id, prescription] of firstPrescriptions(programme)) card(w, id, prescription);
  return w.finish();
}

/** Each exercise of the programme with the dose it is first prescribed at. */
function firstPrescriptions(programme: Programme): Map<string, Prescription | undefined> {
  const out = new Map<string, Prescription | undefined>(
    programme.exercises.map((id) => [id, undefined]),
  );
  for (const s of programme.sessions)
    for (const p of [...s.strength, ...s.stretching, ...s.aroundRun, ...s.activation])
      if (out.get(p.exercise) === undefined) out.set(p.exercise, p);
  return out;
}

function card(w: PdfWriter, id: string, prescription: Prescription | undefined): void {
  const { doc } = w;
  const exercise = findExercise(id);
  const svg = illustrate(id);
  const [, , vbWidth = 1, vbHeight = 1] = (/viewBox="([^"]+)"/.exec(svg)?.[1] ?? "0 0 1 1")
    .split(" ")
    .map(Number);
  const figureHeight = (FIGURE_WIDTH * vbHeight) / vbWidth;
  const textX = w.left + FIGURE_WIDTH + GUTTER;
  const textWidth = w.width - FIGURE_WIDTH - GUTTER;
  const dose = prescription
    ? doseText(prescription).replace(`${prescription.name} `, "")
    : "as in your plan";
  const blocks: {
    text: string;
    style: "bold" | "regular" | "italic";
    size: number;
    gap: number;
  }[] = [
    { text: exercise.name, style: "bold", size: 11, gap: 1.5 },
    { text: `Dose: ${dose}`, style: "bold", size: 9.5, gap: 1.5 },
    ...(prescription?.note
      ? [{ text: prescription.note, style: "italic" as const, size: 8, gap: 2 }]
      : []),
    { text: `Start: ${exercise.startPosition}`, style: "regular", size: 8.5, gap: 2 },
    ...exercise.steps.map((step, i) => ({
      text: `${i + 1}. ${step}`,
      style: "regular" as const,
      size: 8.5,
      gap: 1,
    })),
    { text: `Cues: ${exercise.cues.join("; ")}.`, style: "italic", size: 8.5, gap: 0 },
  ];
  const measure = (b: (typeof blocks)[number]) => {
    doc.font(b.style).fontSize(b.size);
    return doc.heightOfString(b.text, { width: textWidth, lineGap: 1 }) + b.gap;
  };
  const textHeight = blocks.reduce((sum, b) => sum + measure(b), 0);
  ensureSpace(w, Math.max(textHeight, figureHeight) + CARD_GAP);
  const top = doc.y;
  SVGtoPDF(doc, svg, w.left, top, {
    width: FIGURE_WIDTH,
    height: figureHeight,
    preserveAspectRatio: "xMinYMin meet",
    fontCallback: () => "regular",
  });
  let y = top;
  for (const b of blocks) {
    doc
      .font(b.style)
      .fontSize(b.size)
      .fillColor(b.style === "italic" ? COLOURS.muted : COLOURS.text);
    doc.text(b.text, textX, y, { width: textWidth, lineGap: 1 });
    y += measure(b);
  }
  const bottom = top + Math.max(textHeight, figureHeight);
  doc
    .moveTo(w.left, bottom + CARD_GAP / 2)
    .lineTo(w.left + w.width, bottom + CARD_GAP / 2)
    .lineWidth(0.4)
    .strokeColor(COLOURS.rule)
    .stroke();
  doc.x = w.left;
  doc.y = bottom + CARD_GAP;
}
