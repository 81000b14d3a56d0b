/**
 * The translate function the pure helpers take. i18next's `t` fits it, and so does a plain
 * lookup in tests; the overloads (not one signature with an optional argument) are what let
 * i18next's own overloaded TFunction be passed as it is.
 */
export interface Translate {
  (key: string): string;
  (key: string, vars: Readonly<Record<string, unknown>>): string;
}
