# json scenario: run(m, out) with m = a json module.


def _try(out, label, f):
    try:
        out('%s -> %r' % (label, f()))
    except Exception as e:  # noqa: BLE001
        out('%s raised %s: %s' % (label, type(e).__name__, e))


def run(m, out):
    class IntSub(int):
        def __repr__(self):
            return 'IntSub!'

    values = [None, True, False, 0, -1, 10 ** 30, 1.5, -0.0, 1e300, 1e-7, 0.1 + 0.2, 3.0,
              float('nan'), float('inf'), '', 'a"b\\c', '\n\r\t\b\f\x00\x1f\x7f', 'é', '\u2028',
              '\U0001F600', 'mixé\U00010000end', [], {}, (), [1, [2, [3]]], (1, 'a'),
              {'a': 1, 'b': [1, 2], 'c': {}}, {1: 'int', 2.5: 'float', True: 't', None: 'n'},
              {'b': 1, 'a': 2, 'c': [3, {'z': 1, 'y': 2}]}, {(1, 2): 3}, object(), IntSub(5),
              {'é': 'ü'}, [[], {}, [[]]]]
    opts = [{}, {'indent': 2}, {'indent': '\t'}, {'sort_keys': True}, {'separators': (',', ':')},
            {'ensure_ascii': False}, {'allow_nan': False}, {'allow_nan': False, 'indent': 1},
            {'skipkeys': True}, {'default': lambda o: 'DEFAULT'}]
    for i, v in enumerate(values):
        for o in opts:
            _try(out, 'dumps #%d %r' % (i, o if 'default' not in o else 'default'),
                 lambda: m.dumps(v, **o))
    circ = []
    circ.append(circ)
    _try(out, 'circular', lambda: m.dumps(circ))
    docs = ['null', '-0', '-0.0', '1e5', '1E+5', '123456789012345678901234567890', '1e400', '"\\u00e9"',
            '"\\ud83d\\ude00"', '"\\ud83d"', '"\\ud83dx"', ' [ 1 , [ 2 , [ ] ] ] ', '{"a": {"b": [null]}}',
            '{"a": 1, "a": 2}', '[NaN, -Infinity]', '', ' ', '[1,]', '[1 2]', '{"a":1,}', '{"a" 1}',
            "{'a':1}", 'nul', '"abc', '"abc\\', '"\\x"', '"\\u12"', '"\\u12x4"', '"\\ud800\\u12"', '"a\x01b"',
            '1 2', '01', '-', '1.', '1e', '.5', '-Infinityx', '[1]\n\n  x', '{\n  "a": 1,\n  "b": [1, 2\n}',
            '\ufeff1']
    for d in docs:
        _try(out, 'loads %r' % d, lambda: m.loads(d))
    _try(out, 'loads bytes', lambda: m.loads(b'[1, "\xc3\xa9"]'))
    _try(out, 'loads int', lambda: m.loads(5))
    _try(out, 'object_hook', lambda: m.loads('{"b": 1, "a": {"c": 2.5}}', object_hook=lambda d: sorted(d)))
    _try(out, 'pairs_hook', lambda: m.loads('{"b": 1, "a": 2}', object_pairs_hook=lambda p: p))
    _try(out, 'parse_float', lambda: m.loads('[1.5, 2]', parse_float=lambda s: 'F' + s))
    _try(out, 'parse_int', lambda: m.loads('[1.5, 2]', parse_int=lambda s: 'I' + s))
    _try(out, 'strict', lambda: m.loads('"a\tb"', strict=False))
    _try(out, 'raw_decode', lambda: m.JSONDecoder().raw_decode('[1] tail'))
    try:
        m.loads('[1,\n  x]')
    except m.JSONDecodeError as e:
        out('attrs %r %r %r %r %s' % (e.msg, e.pos, e.lineno, e.colno, isinstance(e, ValueError)))
    big = {'k%d' % i: [i, i * 0.5, str(i), {'n': None}] for i in range(300)}
    s = m.dumps(big, sort_keys=True, indent=1)
    out('big %d %r' % (len(s), m.loads(s) == big))
    out('iterencode %r' % list(m.JSONEncoder(indent=1).iterencode({'a': [1, 2]})))
