import type { KeyboardEvent } from "react";

export type Area = "anterior" | "lateral" | "medial" | "posterior";
export type KneeSide = "left" | "right";
export interface PainSpot {
  area: Area;
  side: KneeSide | "both";
}

const AREA_WORDS: Record<Area, string> = {
  anterior: "front (around the kneecap)",
  lateral: "outside",
  medial: "inside",
  posterior: "back",
};

type View = "front" | "side" | "back";

/**
 * Where each area sits in each drawing of one knee (a 120 × 160 box). Front and back views show
 * the inner (medial) edge towards the body's midline; the side view is seen from the outside.
 */
function regions(view: View, side: KneeSide): { area: Area; d: string }[] {
  // In front view the right knee's inner edge is on the drawing's right (facing the viewer).
  const innerOnRight = view === "front" ? side === "right" : side === "left";
  const left = "M12 40 Q8 80 12 120 L36 120 L36 40 Z";
  const right = "M108 40 Q112 80 108 120 L84 120 L84 40 Z";
  const centre = "M38 40 L82 40 Q90 80 82 120 L38 120 Q30 80 38 40 Z";
  if (view === "side") {
    return [
      { area: "anterior", d: left },
      { area: "lateral", d: centre },
      { area: "posterior", d: right },
    ];
  }
  return [
    { area: view === "front" ? "anterior" : "posterior", d: centre },
    { area: innerOnRight ? "lateral" : "medial", d: left },
    { area: innerOnRight ? "medial" : "lateral", d: right },
  ];
}

function has(spots: readonly PainSpot[], area: Area, side: KneeSide): boolean {
  return spots.some((s) => s.area === area && (s.side === side || s.side === "both"));
}

/** Toggles one area of one knee; a "both" entry splits so each knee can be changed alone. */
export function toggleSpot(spots: readonly PainSpot[], area: Area, side: KneeSide): PainSpot[] {
  const split = spots.flatMap((s) =>
    s.side === "both"
      ? [
          { area: s.area, side: "left" as const },
          { area: s.area, side: "right" as const },
        ]
      : [s],
  );
  return has(split, area, side)
    ? split.filter((s) => !(s.area === area && s.side === side))
    : [...split, { area, side }];
}

/** The clickable knee pain map: front, side and back of each knee; each area is a checkbox. */
export function PainMap({
  spots,
  onChange,
}: {
  spots: readonly PainSpot[];
  onChange: (spots: PainSpot[]) => void;
}) {
  const toggle = (area: Area, side: KneeSide) => onChange(toggleSpot(spots, area, side));
  const onKey = (event: KeyboardEvent, area: Area, side: KneeSide) => {
    if (event.key === " " || event.key === "Enter") {
      event.preventDefault();
      toggle(area, side);
    }
  };
  return (
    <fieldset className="pain-map">
      <legend>Where does the knee hurt? Tap every place that hurts.</legend>
      {(["right", "left"] as const).map((side) => (
        <div key={side} className="pain-map-side">
          <h3>{side === "left" ? "Left knee" : "Right knee"}</h3>
          <div className="pain-map-views">
            {(["front", "side", "back"] as const).map((view) => (
              <figure key={view}>
                <svg viewBox="0 0 120 160" aria-label={`${side} knee, ${view} view`}>
                  <path
                    d="M30 0 L90 0 L96 40 Q104 80 96 120 L88 160 L32 160 L24 120 Q16 80 24 40 Z"
                    className="leg"
                  />
                  {view === "front" && (
                    <ellipse cx="60" cy="78" rx="16" ry="20" className="kneecap" />
                  )}
                  {regions(view, side).map(({ area, d }) => {
                    const on = has(spots, area, side);
                    return (
                      // biome-ignore lint/a11y/useSemanticElements: an SVG region cannot be an input; it acts as a checkbox
                      <path
                        key={area}
                        d={d}
                        role="checkbox"
                        tabIndex={0}
                        aria-checked={on}
                        aria-label={`${side} knee, ${AREA_WORDS[area]} (${area}), ${view} view`}
                        className={on ? "spot on" : "spot"}
                        onClick={() => toggle(area, side)}
                        onKeyDown={(e) => onKey(e, area, side)}
                      />
                    );
                  })}
                </svg>
                <figcaption>{view}</figcaption>
              </figure>
            ))}
          </div>
        </div>
      ))}
      <p role="status" className="small">
        {spots.length === 0
          ? "Nothing marked yet."
          : `Marked: ${spots.map((s) => `${s.side} ${s.area}`).join(", ")}.`}
      </p>
    </fieldset>
  );
}
