/**
 * Positioned text of a published document (PDF page, Word body), as a reader adapter hands it to the core.
 * Coordinates are in the page's display space: x to the right, y downwards from the top edge, in points, after the
 * page's own rotation has been applied, so a landscape table page reads left to right whatever its /Rotate says.
 */

/** One piece of text drawn at one place (a pdf.js text item, after rotation to reading direction). */
export interface TextRun {
  text: string;
  /** Left edge of the run. */
  x: number;
  /** Baseline, measured from the top of the page. */
  y: number;
  /** Advance width of the run. */
  width: number;
  /** Font size (height of the em box). */
  height: number;
}

export interface PageText {
  /** 1-based page number. */
  page: number;
  width: number;
  height: number;
  runs: TextRun[];
}

/** Where a synthetic snapshot cell came from on the page (display space, see above). */
export interface CellPlace {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Per sheet, per A1 address of the synthetic snapshot: the place on the page. JSON-serialisable. */
export type PlaceMap = Record<string, Record<string, CellPlace>>;

/** A stretch of narrative text and the page it starts on, so an offset can be turned into a page number. */
export interface TextSpan {
  offset: number;
  page: number;
}
