/** A count with its noun, agreeing: `1 exit`, `2 exits`, `1 requirement incorporated`. */
export const counted = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;
