// A start-up failure the operator can fix (a bad setting, an unreachable or unusable database, a
// server secret that does not match the database): printed as one sentence naming what to change, and
// the process exits with status 2. Anything else is a bug and keeps its stack trace.
export class StartupError extends Error {
  readonly exitCode = 2;
}
