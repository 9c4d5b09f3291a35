/** Time comes from an injected clock: the system clock in the app, a manual one in tests. */
export type Clock = { now(): Date };
export const systemClock: Clock = { now: () => new Date() };
