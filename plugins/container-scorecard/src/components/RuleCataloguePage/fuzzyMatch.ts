/** Edit distance of two short strings, stopping early once it exceeds `limit`. */
function withinDistance(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      best = Math.min(best, current[j]);
    }
    if (best > limit) return false;
    previous = current;
  }
  return previous[b.length] <= limit;
}

/**
 * Whether every word of a search matches the text, forgivingly: as a substring, as the start of
 * a word with a typo or two (one for 4–6 letters, two from 7), so "helthcheck", "sudo", "DL3008"
 * and "run as root" all find their rules.
 */
export function fuzzyMatches(text: string, search: string): boolean {
  const haystack = text.toLocaleLowerCase();
  const words = haystack.split(/[^a-z0-9]+/).filter(Boolean);
  return search
    .toLocaleLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every(token => {
      if (haystack.includes(token)) return true;
      if (token.length < 4) return false;
      const limit = token.length >= 7 ? 2 : 1;
      return words.some(
        word =>
          withinDistance(token, word, limit) ||
          (word.length > token.length &&
            withinDistance(token, word.slice(0, token.length), limit)),
      );
    });
}
