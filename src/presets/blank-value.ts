/** A value an export leaves empty: absent, null, or text of nothing but spaces. */
export const isBlank = (value: unknown): boolean => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
