/**
 * A string `command:` or `entrypoint:` split into words the way the CLI does it (github.com/google/shlex): spaces
 * separate, '…' is literal, "…" takes backslash escapes, a backslash outside quotes escapes the next character and a
 * `#` starting a word comments out the rest of the line. No variables, globs or operators: nothing runs a shell.
 */
export function shellSplit(text: string): string[] | { error: string } {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  const space = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\n';
  while (i < text.length) {
    const c = text[i]!;
    if (!inWord) {
      if (space(c)) {
        i++;
        continue;
      }
      if (c === '#') {
        while (i < text.length && text[i] !== '\n') i++;
        continue;
      }
      inWord = true;
    }
    if (space(c)) {
      words.push(word);
      word = '';
      inWord = false;
    } else if (c === '\\') {
      if (i + 1 >= text.length) return { error: 'EOF found after escape character' };
      word += text[++i];
    } else if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) return { error: 'EOF found when expecting closing quote' };
      word += text.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      for (i++; ; i++) {
        if (i >= text.length) return { error: 'EOF found when expecting closing quote' };
        const q = text[i]!;
        if (q === '"') break;
        if (q === '\\') {
          if (i + 1 >= text.length) return { error: 'EOF found after escape character' };
          word += text[++i];
        } else word += q;
      }
    } else word += c;
    i++;
  }
  if (inWord) words.push(word);
  return words;
}
