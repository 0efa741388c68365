# Tests for lib/json against CPython's json (output formatting and error messages).
import json as c_json
import math as _math_json


@test
def test_json_dumps():
    kj = K['json']

    class IntSub(int):
        def __repr__(self):
            return 'IntSub!'

    class FloatSub(float):
        def __repr__(self):
            return 'FloatSub!'

    class Obj:
        pass
    circ = []
    circ.append(circ)
    circd = {}
    circd['x'] = circd
    values = [None, True, False, 0, -1, 10 ** 30, 1.5, -0.0, 1e300, 1e-7, 0.1 + 0.2, 3.0,
              float('nan'), float('inf'), float('-inf'), '', 'abc', 'a"b\\c', '\n\r\t\b\f\x00\x1f\x7f',
              'é', '\u2028', '\U0001F600', '\ud800', 'mixé\U00010000end', [], {}, (), [1, [2, [3]]], (1, 'a'),
              {'a': 1, 'b': [1, 2], 'c': {}}, {1: 'int', 2.5: 'float', True: 't', False: 'f', None: 'n'},
              {'b': 1, 'a': 2, 'c': [3, {'z': 1, 'y': 2}]}, {(1, 2): 3}, {'k': Obj()}, Obj(), circ, circd,
              IntSub(5), FloatSub(2.5), [IntSub(7), FloatSub(0.5)], {IntSub(3): FloatSub(1.25)},
              {'é': 'ü'}, [[], {}, [[]]], {'a': [{}], 'b': {'c': []}}, b'bytes', {1, 2}, {'x': 1, 1: 2},
              {float('inf'): 1}]
    optsets = [{}, {'indent': 2}, {'indent': 0}, {'indent': '\t'}, {'indent': '--'}, {'sort_keys': True},
               {'separators': (',', ':')}, {'indent': 4, 'separators': (', ', ': ')},
               {'ensure_ascii': False}, {'allow_nan': False}, {'allow_nan': False, 'indent': 1},
               {'skipkeys': True}, {'default': repr}, {'default': lambda o: [1, 2]},
               {'check_circular': False, 'default': str}, {'sort_keys': True, 'indent': 3, 'ensure_ascii': False},
               {'indent': None, 'separators': (';', '=')}]
    for v in values:
        for opts in optsets:
            if not opts.get('check_circular', True) and (v is circ or v is circd):
                continue
            check(f'dumps({v!r:.60}, **{opts!r})', _json_outcome(lambda: kj.dumps(v, **opts)),
                  _json_outcome(lambda: c_json.dumps(v, **opts)))
    for v in [[1, {'a': (2, 3)}, 'x'], {'k': [None]}, 'plain', 5, float('nan')]:
        for opts in [{}, {'indent': 2}, {'allow_nan': False}]:
            check(f'iterencode chunks {v!r} {opts!r}',
                  _json_outcome(lambda: list(kj.JSONEncoder(**opts).iterencode(v))),
                  _json_outcome(lambda: list(c_json.JSONEncoder(**opts).iterencode(v))))

    class Enc(kj.JSONEncoder):
        def default(self, o):
            if isinstance(o, set):
                return sorted(o)
            return super().default(o)

    class CEnc(c_json.JSONEncoder):
        def default(self, o):
            if isinstance(o, set):
                return sorted(o)
            return super().default(o)
    for v in [{3, 1, 2}, [{'a'}], object]:
        check(f'cls=Enc {v!r}', _json_outcome(lambda: kj.dumps(v, cls=Enc)),
              _json_outcome(lambda: c_json.dumps(v, cls=CEnc)))

    class W:
        def __init__(self):
            self.parts = []

        def write(self, s):
            self.parts.append(s)
    w1, w2 = W(), W()
    kj.dump({'a': [1, 2]}, w1)
    c_json.dump({'a': [1, 2]}, w2)
    check('dump', w1.parts, w2.parts)
    w1, w2 = W(), W()
    kj.dump({'a': [1, 2]}, w1, indent=1)
    c_json.dump({'a': [1, 2]}, w2, indent=1)
    check('dump indent', w1.parts, w2.parts)


def _json_outcome(f):
    try:
        return ('ok', f())
    except Exception as e:  # noqa: BLE001
        return ('exc', type(e).__name__, str(e))


def _loads_repr(x):
    # NaN != NaN: compare the repr of the decoded value (and its type structure)
    return repr(x)


@test
def test_json_loads():
    kj = K['json']
    docs = ['null', 'true', 'false', '0', '-0', '-0.0', '12', '-12', '1.5', '1e5', '1E+5', '1e-5', '2.5e3',
            '123456789012345678901234567890', '1.7976931348623157e308', '1e400', '-1e400', '0.1',
            '"abc"', '"a\\"b"', '"\\\\"', '"\\/"', '"\\b\\f\\n\\r\\t"', '"\\u0041"', '"\\u00e9"', '"\\ud83d\\ude00"',
            '"\\ud83d"', '"\\ude00"', '"\\ud83dx"', '"\\ud83d\\u0041"', '"é"', '"\U0001F600"',
            '[]', '[1]', '[1, 2, 3]', ' [ 1 , [ 2 , [ ] ] ] ', '{}', '{"a": 1}', '{"a": {"b": [null]}}',
            '{"a": 1, "a": 2}', ' \n\t\r 5 \n', 'NaN', 'Infinity', '-Infinity', '[NaN, -Infinity]',
            # errors
            '', ' ', 'x', '[', '[1', '[1,', '[1,]', '[1 2]', '{', '{"a"', '{"a":', '{"a":1', '{"a":1,',
            '{"a":1,}', '{"a" 1}', '{a:1}', "{'a':1}", '{"a":1 "b":2}', '[,1]', 'nul', 'tru', 'fals',
            '"abc', '"abc\\', '"abc\\"', '"\\x"', '"\\u12"', '"\\u12x4"', '"\\u123"', '"\\u1234', '"\\ud800\\u12"',
            '"\\ud800\\uzzzz"', '"a\x01b"', '"a\nb"', '"\t"', '1 2', '[1] x', '{} {}', '01', '-', '-a', '1.',
            '1.e5', '1e', '1e+', '.5', '+1', '0x10', '1.5e', '--1', '-Infinityx', 'Infinit', 'NaNa', '[1]\n\n  x',
            '{\n  "a": 1,\n  "b": [1, 2\n}', '\ufeff1', '[1]\x00', '"\x7f"', '  \n  ']
    for d in docs:
        check(f'loads({d!r})', _json_outcome(lambda: _loads_repr(kj.loads(d))),
              _json_outcome(lambda: _loads_repr(c_json.loads(d))))
    for d in [b'[1, "\xc3\xa9"]', bytearray(b'{"a": 2}'), b'\xef\xbb\xbf[1]', 5, None, ['x']]:
        check(f'loads({d!r})', _json_outcome(lambda: _loads_repr(kj.loads(d))),
              _json_outcome(lambda: _loads_repr(c_json.loads(d))))
    hooks = [{'object_hook': lambda d: sorted(d.items())}, {'object_pairs_hook': lambda p: p},
             {'parse_float': lambda s: 'F' + s}, {'parse_int': lambda s: 'I' + s},
             {'parse_constant': lambda s: 'C' + s}, {'strict': False}, {'parse_float': float, 'parse_int': float}]
    for opts in hooks:
        for d in ['{"b": 1, "a": {"c": 2.5}}', '[1, 2.0, -3, 1e2, NaN, -Infinity]', '"a\tb"', '{}', '[{"x": []}]']:
            check(f'loads({d!r}, **{opts!r})', _json_outcome(lambda: _loads_repr(kj.loads(d, **opts))),
                  _json_outcome(lambda: _loads_repr(c_json.loads(d, **opts))))
    for d, idx in [('[1] tail', 0), ('xx{"a": 1} yy', 2), ('', 0), ('"s" 1', 0), ('123abc', 0), ('[1]', 5)]:
        check(f'raw_decode({d!r}, {idx})', _json_outcome(lambda: kj.JSONDecoder().raw_decode(d, idx)),
              _json_outcome(lambda: c_json.JSONDecoder().raw_decode(d, idx)))
    e1 = _json_outcome(lambda: kj.loads('[1,\n  x]'))
    try:
        kj.loads('[1,\n  x]')
    except kj.JSONDecodeError as e:
        check('JSONDecodeError attrs', (e.msg, e.pos, e.lineno, e.colno, e.doc, isinstance(e, ValueError)),
              ('Expecting value', 6, 2, 3, '[1,\n  x]', True))
    check('JSONDecodeError same class', kj.JSONDecodeError is kj.decoder.JSONDecodeError, True)

    class R:
        def __init__(self, s):
            self.s = s

        def read(self):
            return self.s
    check('load', kj.load(R('{"a": [1, 2]}')), c_json.load(R('{"a": [1, 2]}')))
    # round trips
    for v in [{'a': [1, 2.5, None, True, 'x\u1234\U0001F600']}, [[[]]], 'str', 1e-300, -5]:
        for opts in [{}, {'indent': 2}, {'ensure_ascii': False}]:
            check(f'round trip {v!r} {opts!r}', kj.loads(kj.dumps(v, **opts)), v)
