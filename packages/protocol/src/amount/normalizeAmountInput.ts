/**
 * Marks that Chinese IMEs produce in place of ASCII ones. NFKC already folds full-width digits,
 * "．", "，" and "－"; these are the ones it leaves alone.
 */
const IME_REPLACEMENTS: Readonly<Record<string, string>> = {
  "。": ".", // ideographic full stop: the "." key in Chinese punctuation mode
  "−": "-", // U+2212 minus sign, so "−5" is reported as negative rather than as garbage
};

/**
 * Folds what a phone keyboard or a Chinese IME may type into plain ASCII ("１，０００．５" →
 * "1,000.5") and trims surrounding whitespace, including the ideographic space.
 */
export function normalizeAmountInput(input: string): string {
  return input
    .normalize("NFKC")
    .replace(/[。−]/g, (mark) => IME_REPLACEMENTS[mark] ?? mark)
    .trim();
}
