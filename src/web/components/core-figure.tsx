import { illustrate } from "../../core/exercises/library.js";

/**
 * An exercise drawing from the core (SVG text made from its own figure data), shown as an
 * image: no markup is put into the page, and the caption is its text alternative.
 */
export function CoreFigure({ exercise, alt }: { exercise: string; alt: string }) {
  const src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(illustrate(exercise))}`;
  return <img className="figure-img" src={src} alt={alt} />;
}
