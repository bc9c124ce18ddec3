/**
 * Text crafted to be slow or odd: used by the benchmark (timed) and the robustness tests (never throws,
 * spans stay inside the text, no catastrophic backtracking).
 */
export const HOSTILE_INPUTS: [name: string, text: string][] = [
  ['100 KB of "a"', 'a'.repeat(100_000)],
  ['100 KB of "."', '.'.repeat(100_000)],
  ['100 KB of spaces', ' '.repeat(100_000)],
  ['nested punctuation ((((…))))', `${'(['.repeat(25_000)}${'])'.repeat(25_000)}`],
  ['100 KB of "Amelia "', 'Amelia '.repeat(14_286)],
  ['100 KB of "Amelia Hughes "', 'Amelia Hughes '.repeat(7_143)],
  ['100 KB of "asthma "', 'asthma '.repeat(14_286)],
  ["100 KB of \"O'\"", "O'".repeat(50_000)],
  ['100 KB of "a@"', 'a@'.repeat(50_000)],
  ['100 KB of digits', '07'.repeat(50_000)],
  ['100 KB of emoji', '😀'.repeat(50_000)],
  ['100 KB of combining marks', `a${'\u0301'.repeat(99_999)}`],
  ['unpaired surrogates', '\ud800a\udc00'.repeat(30_000)],
  ['right-to-left and zero-width', '\u202eAmelia\u200bHughes\u202c '.repeat(5_000)],
];
