// Fixed patterns only: nothing a guild configures is ever compiled into a regular expression.
const MARKS_AND_INVISIBLES = /[\p{M}\p{Cf}]/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/u;

/**
 * Folds text the way the word filter compares it: NFKC (full-width, ligatures, styled letters such
 * as 𝐛𝐨𝐥𝐝 become plain ones), case folded (upper then lower case, so `ß` and `SS` meet), then
 * decomposed with every combining mark (diacritics, "zalgo" stacks) and every invisible format
 * character (zero-width spaces and joiners, soft hyphens) removed. Linear in the text.
 */
export function foldForMatching(text: string): string {
  return text
    .normalize('NFKC')
    .toUpperCase()
    .toLowerCase()
    .normalize('NFD')
    .replace(MARKS_AND_INVISIBLES, '')
    .normalize('NFC');
}

/** The words of a text: maximal runs of letters and digits after folding; the rest separates them. */
export function wordsOf(text: string): string[] {
  return foldForMatching(text)
    .split(NOT_WORD)
    .filter((word) => word.length > 0);
}

interface Node {
  readonly next: Map<string, Node>;
  /** The listed term that ends here, as the guild wrote it. */
  term?: string;
}

/**
 * A guild's word filter, compiled once per word list. A term matches whole words only: `bad` is
 * found in "so BAD!" and "b̸á̸d̸" but not in "badge" or "bad2"; a term of several words (`bad word`)
 * matches those words in a row whatever separates them ("bad-word", "bad,  word"), but not
 * "badword". Leetspeak is not folded (`b4d` is not `bad`): digits are letters of their own, and
 * guessing them turns numbers into words; list the variants you mean.
 *
 * Matching walks a trie of words from each word of the message, at most as deep as the longest
 * term's word count, which the term length limit bounds: linear in the message.
 */
export class WordFilter {
  private readonly root: Node = { next: new Map() };
  private readonly depth: number;

  constructor(terms: readonly string[]) {
    let depth = 0;
    for (const term of terms) {
      const words = wordsOf(term);
      if (words.length === 0) continue; // nothing but punctuation: no message can hold it as words
      let node = this.root;
      for (const word of words) {
        let child = node.next.get(word);
        if (!child) node.next.set(word, (child = { next: new Map() }));
        node = child;
      }
      node.term ??= term;
      depth = Math.max(depth, words.length);
    }
    this.depth = depth;
  }

  /** Whether the list holds any term a message could match. */
  get isEmpty(): boolean {
    return this.depth === 0;
  }

  /** The first term found in `text`, in the text's order (the shortest at a tie), or null. */
  firstMatch(text: string): string | null {
    if (this.isEmpty) return null;
    const words = wordsOf(text);
    for (let start = 0; start < words.length; start++) {
      let node: Node | undefined = this.root;
      const end = Math.min(words.length, start + this.depth);
      for (let i = start; i < end; i++) {
        node = node.next.get(words[i]);
        if (!node) break;
        if (node.term !== undefined) return node.term;
      }
    }
    return null;
  }
}
