# string scenario (Template, capwords): run(m, out) with m = a string module.


def run(m, out):
    mp = {'who': 'tim', 'what': 'kung pao', 'x_1': 1, 'A': 'upper', '_': 'under'}
    for t in ['$who likes $what', '${who}likes${what}', '$$who', '$$$who', '$', 'end $', '$ x', '$1', '${who',
              '${}', '${ who}', '$who$what', '$x_1_', '$A$_$', 'line1\nline2 $ bad', '$missing', '${missing}',
              '${who}${what}$$${x_1}', '$é']:
        T = m.Template(t)
        for f in (lambda: T.substitute(mp), lambda: T.safe_substitute(mp), lambda: T.substitute(mp, who='KW'),
                  lambda: T.safe_substitute(what=3), T.is_valid, T.get_identifiers):
            try:
                out(repr(f()))
            except (KeyError, ValueError) as e:
                out('%s %s' % (type(e).__name__, e))

    class P(m.Template):
        delimiter = '%'
    out(repr(P('%who and %% $what %{what}').substitute(mp)))
    out(repr([m.capwords('  hello   world  '), m.capwords('a-b c', '-'), m.ascii_letters, m.punctuation]))
