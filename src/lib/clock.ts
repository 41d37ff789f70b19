// The clock is an edge: tests replace it. Everything that needs "now" receives a Clock.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can move by hand. */
export class ManualClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current.getTime());
  }
  set(d: Date): void {
    this.current = new Date(d.getTime());
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

// China Standard Time helpers live with the deadline engine; re-exported for the rest of the app.
export { cstDateOf as cstDate, formatCst } from '../deadlines/cst.ts';
