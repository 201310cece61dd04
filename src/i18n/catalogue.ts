/** A catalogue entry: plain text with `{placeholders}`, or plural forms chosen by the `count` parameter. */
export type Message = string | { one: string; other: string };
