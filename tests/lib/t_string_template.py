# Tests for string.Template / capwords in lib/string.py against CPython's string module.
import random as _random_st


@test
def test_string_template():
    ks, cs = K['string'], c_string
    maps = [{}, {'who': 'tim', 'what': 'kung pao', 'x_1': 1, 'A': 'upper', '_': 'under', 'é': 'no'}]
    templates = ['$who likes $what', '${who}likes${what}', '$$who', '$$$who', '$', 'end $', '$ x', '$1', '${who',
                 '${}', '${1x}', '${ who}', '$who$what', '$x_1_', '$A$_$', 'line1\nline2 $ bad', 'a\n\n  $ x',
                 '$é', '${é}', '$missing', '${missing}', '$$', '$$$$', 'no placeholders', '', '$who.$what',
                 '${who}${what}$$${x_1}', '\u1234$who\u5678', '$WHO', '${A}B']
    rng = _random_st.Random(3)
    for _ in range(400):
        templates.append(''.join(rng.choice(['$', '{', '}', 'who', 'what', 'x', '1', ' ', '\n', '$$', 'A_'])
                                 for _ in range(rng.randint(0, 8))))
    for t in templates:
        for mp in maps:
            check(f'substitute {t!r} {len(mp)}', outcome(lambda: ks.Template(t).substitute(mp)),
                  outcome(lambda: cs.Template(t).substitute(mp)))
            check(f'safe_substitute {t!r} {len(mp)}', outcome(lambda: ks.Template(t).safe_substitute(mp)),
                  outcome(lambda: cs.Template(t).safe_substitute(mp)))
        check(f'kw substitute {t!r}', outcome(lambda: ks.Template(t).substitute(maps[1], who='KW')),
              outcome(lambda: cs.Template(t).substitute(maps[1], who='KW')))
        check(f'kw only {t!r}', outcome(lambda: ks.Template(t).safe_substitute(what=3)),
              outcome(lambda: cs.Template(t).safe_substitute(what=3)))
        check(f'is_valid {t!r}', ks.Template(t).is_valid(), cs.Template(t).is_valid())
        check(f'get_identifiers {t!r}', ks.Template(t).get_identifiers(), cs.Template(t).get_identifiers())

    class KP(ks.Template):
        delimiter = '%'

    class CP(cs.Template):
        delimiter = '%'
    for t in ['%who and %%', '%{what} $who', '% x', '%%%who']:
        check(f'custom delimiter {t!r}', outcome(lambda: KP(t).safe_substitute(maps[1])),
              outcome(lambda: CP(t).safe_substitute(maps[1])))
        check(f'custom delimiter subst {t!r}', outcome(lambda: KP(t).substitute(maps[1])),
              outcome(lambda: CP(t).substitute(maps[1])))
    check('template attr', ks.Template('x').template, 'x')
    for s in ['hello world', '  hello   world  ', 'a-b c', "it's ok", '']:
        check(f'capwords {s!r}', (ks.capwords(s), ks.capwords(s, '-')), (cs.capwords(s), cs.capwords(s, '-')))
