# textwrap scenario: run(m, out) with m = a textwrap module.


def run(m, out):
    texts = ['Hello there -- you goof-ball, use the -b option!', 'a-b-c-d e--f g---h ab-cd-ef x-y-z foo-bar-baz',
             "It's e.g. the U.S.A.-based co-op's re-do. Done! Yes? \"Quoted.\" end.", '', 'x',
             'The quick brown fox jumps over the lazy dog. ' * 4, 'supercalifragilisticexpialidocious-word-here',
             'tab\tseparated\ttext\vwith\fother\rwhitespace\nnewlines', '  leading and trailing  ',
             're-entrant, self-made, 2-3, a1-b2, über-cool']
    opts = [{}, {'fix_sentence_endings': True}, {'max_lines': 2}, {'max_lines': 1, 'placeholder': '..'},
            {'break_long_words': False}, {'drop_whitespace': False}, {'break_on_hyphens': False},
            {'initial_indent': '* ', 'subsequent_indent': '  '}, {'tabsize': 3}]
    for t in texts:
        out(repr(m.TextWrapper()._split(t)))
        for w in (5, 12, 30):
            for o in opts:
                try:
                    out('%d %r %r' % (w, o, m.wrap(t, w, **o)))
                except ValueError as e:
                    out('%d %r ValueError %s' % (w, o, e))
        out(repr(m.fill(t, 20)))
        out(repr(m.shorten(t, 15)))
    for t in ['  a\n  b', '  a\n    b\n  c', '\ta\n\tb', '  a\n\tb', '    \n  x\n   \n  y\n', 'no indent\n  some',
              '  x\r\n  y\r\n', '', '\n\n', '  a\n  \t b', '  hello\n  world\n  ']:
        out(repr((m.dedent(t), m.indent(t, '> '), m.indent(t, '+', lambda line: True))))
    w = m.TextWrapper(width=10, initial_indent='>>', subsequent_indent='.')
    out(repr(w.wrap('one two three four five six seven')))
