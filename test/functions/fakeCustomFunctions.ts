/** A minimal stand-in for the CustomFunctions global of the Office runtime, for tests without Office. */
export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export class FakeError extends Error {
  constructor(
    public code: string,
    message?: string,
  ) {
    super(message);
  }
}

/** Install the fake on globalThis (idempotent). */
export function installFakeCustomFunctions(): void {
  (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = { Error: FakeError, ErrorCode };
}
