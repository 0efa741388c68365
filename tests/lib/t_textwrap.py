# Tests for lib/textwrap.py against CPython's textwrap (random texts exercise the hand-written
# replacements of wordsep_re, wordsep_simple_re, sentence_end_re and dedent's regexes).
import random as _random_tw
import textwrap as c_textwrap


@test
def test_textwrap():
    kt, ct = K['textwrap'], c_textwrap
    texts = ['Hello there -- you goof-ball, use the -b option!', 'a-b-c-d e--f g---h ab-cd-ef x-y-z foo-bar-baz',
             'well--known --flag -- dash-- --x', 're-entrant, self-made, 2-3, a1-b2, über-cool',
             "It's e.g. the U.S.A.-based co-op's re-do. Done! Yes? \"Quoted.\" end.", '', '   ', 'x',
             'The quick brown fox jumps over the lazy dog. ' * 5, 'supercalifragilisticexpialidocious-word-here',
             'tab\tseparated\ttext\vwith\fother\rwhitespace\nnewlines', '  leading and trailing  ']
    rng = _random_tw.Random(7)
    alpha = 'ab-- -.,!?"\'1_\té\nxyzq'
    for _ in range(1500):
        texts.append(''.join(rng.choice(alpha) for _ in range(rng.randint(0, 40))))
    opts = [{}, {'fix_sentence_endings': True}, {'max_lines': 2}, {'max_lines': 1, 'placeholder': '..'},
            {'break_long_words': False}, {'drop_whitespace': False}, {'break_on_hyphens': False},
            {'initial_indent': '* ', 'subsequent_indent': '  '}, {'expand_tabs': False},
            {'replace_whitespace': False}, {'tabsize': 3}]
    for i, t in enumerate(texts):
        check(f'split {t!r}', kt.TextWrapper()._split(t), ct.TextWrapper()._split(t))
        check(f'split simple {t!r}', kt.TextWrapper(break_on_hyphens=False)._split(t),
              ct.TextWrapper(break_on_hyphens=False)._split(t))
        for w in (1, 4, 9, 20):
            for o in (opts if i < 40 else opts[:3]):
                if w < 4 and 'initial_indent' in o:
                    continue  # CPython's own wrap() loops forever when the indent is wider than width
                check(f'wrap({t!r}, {w}, **{o!r})', outcome(kt.wrap, t, w, **o), outcome(ct.wrap, t, w, **o))
        check(f'fill {t!r}', outcome(kt.fill, t, 15), outcome(ct.fill, t, 15))
        check(f'shorten {t!r}', outcome(kt.shorten, t, 12), outcome(ct.shorten, t, 12))
    dd = ['  a\n  b', '  a\n    b\n  c', '\ta\n\tb', '  a\n\tb', '    \n  x\n   \n  y\n', ' a\n  \n b ',
          'no indent\n  some', '  x\r\n  y\r\n', '', '\n\n', '   ', '  a\n  \t b', ' \t a\n \t b\n \t\n',
          '  hello\n  world\n  ', 'x\n  ']
    for _ in range(300):
        dd.append(''.join(rng.choice('  \t\nab\r') for _ in range(rng.randint(0, 20))))
    for t in dd:
        check(f'dedent {t!r}', kt.dedent(t), ct.dedent(t))
        check(f'indent {t!r}', kt.indent(t, '> '), ct.indent(t, '> '))
        check(f'indent pred {t!r}', kt.indent(t, '+', lambda l: True), ct.indent(t, '+', lambda l: True))
    for w in (0, -1):
        check(f'wrap width {w}', outcome(kt.wrap, 'abc', w), outcome(ct.wrap, 'abc', w))
    check('placeholder too large', outcome(kt.wrap, 'abc def', 3, max_lines=1),
          outcome(ct.wrap, 'abc def', 3, max_lines=1))
