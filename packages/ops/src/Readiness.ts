/** What /readyz answers: ready, or the reasons it is not (plus service-specific details). */
export type Readiness = { ready: boolean; problems: string[]; [detail: string]: unknown };
