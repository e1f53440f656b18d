// What a lesson is, and what it reports to: the same lesson runs in the terminal (lessons/run.ts)
// and in the playground, each giving its own Report.

/** Where a lesson sends its output. */
export interface Report {
  /** One line of the lesson's printed output (the notebook's prints). */
  line(text: string): void;
  /** How far training has come (0 to 1), with a short note; called often, shown as a bar. */
  progress(fraction: number, note: string): void;
  /** A chart, as SVG, under a file name. */
  chart(name: string, svg: string): void;
  /**
   * A chart drawn while training (the cost so far, the boundary now), for a live view; the
   * terminal ignores it.
   */
  draft?(name: string, svg: string): void;
}

export interface Lesson {
  name: string;
  title: string;
  run(report: Report): void | Promise<void>;
}
