/**
 * V8 scans a case-insensitive Unicode regex many times slower than a
 * case-sensitive one; Dutch date words are lower case except at the start of
 * a sentence, so each word's first letter is made to take both cases instead.
 */
export function initialCaseInsensitive(re: RegExp): RegExp {
  if (!re.flags.includes('i')) return re
  // `\b` is set aside first: a word right after it (`\bzoals`) would otherwise be read as the escape's `b` plus `oals`.
  const source = re.source
    .replace(/\\b/g, '\\!')
    .replace(/(?<!\\)\b([a-z])([a-z]+)/g, (_, a: string, rest: string) => `[${a}${a.toUpperCase()}]${rest}`)
    .replace(/\\!/g, '\\b')
  return new RegExp(source, re.flags.replace('i', ''))
}
