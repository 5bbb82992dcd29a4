/** The exit-code contract of cli.md: 0 passed, 1 the gate failed, 2 usage error or invalid input. */
export const EXIT = { passed: 0, gateFailed: 1, invalid: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
