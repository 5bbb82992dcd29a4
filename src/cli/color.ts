/**
 * Colour is decided once, here: never with --no-color or NO_COLOR (any non-empty value), always with
 * FORCE_COLOR (unless it is 0/false), else only when writing to a terminal that is not `TERM=dumb` (Emacs'
 * shell, some CI consoles: it shows escape codes as text).
 */
export function useColor(options: { flag: boolean; env: NodeJS.ProcessEnv; isTty: boolean; toFile: boolean }): boolean {
  if (!options.flag) return false;
  if (options.env.NO_COLOR !== undefined && options.env.NO_COLOR !== '') return false;
  const force = options.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  return options.isTty && !options.toFile && options.env.TERM !== 'dumb';
}
