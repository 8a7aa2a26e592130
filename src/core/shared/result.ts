// Expected outcomes (not on the roll, voting closed, ...) travel as values with a `<module>.<reason>`
// code and parameters for the message catalog; bugs and infrastructure failures are thrown.

export interface Failure {
  code: string;
  params?: Record<string, string | number>;
  /** the argument the failure is about, so a form can show it inline */
  field?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: Failure };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(code: string, params?: Failure['params'], field?: string): Result<T> => ({
  ok: false,
  error: { code, ...(params ? { params } : {}), ...(field ? { field } : {}) },
});
