import { describe, expect, it } from 'vitest'
import { printable } from './options.js'

describe('printable: a paper’s text never drives the terminal', () => {
  it.each([
    ['a window title (OSC … BEL)', 'voor\x1b]0;gehackt\x07na', 'voorna'],
    ['clear screen and colour (CSI)', 'a\x1b[2J\x1b[31mrood\x1b[0m b', 'arood b'],
    ['a lone ESC and one character', 'x\x1bcy', 'xy'],
    ['C1 CSI (U+009B) and other controls', 'x\u009b2Jy\u0007z\u0000', 'x2Jyz'],
    ['carriage return that would overwrite a line', 'echt\rnep', 'echtnep'],
    ['a PDF page break', 'pagina 1\fpagina 2', 'pagina 1\npagina 2'],
    ['tabs, new lines and Dutch letters stay', 'Één\tcoöperatie\n– “citaat” €', 'Één\tcoöperatie\n– “citaat” €'],
  ])('%s', (_what, text, shown) => {
    expect(printable(text)).toBe(shown)
  })
})
