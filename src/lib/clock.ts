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

const CST_OFFSET_MS = 8 * 3600 * 1000;

/** The civil date in China Standard Time (UTC+8, no DST), as YYYY-MM-DD. */
export function cstDate(d: Date): string {
  return new Date(d.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** An instant shown in China Standard Time with its +08:00 offset, to the second. */
export function formatCst(d: Date): string {
  return `${new Date(d.getTime() + CST_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}
