# Kestrel: string -- character-class constants, capwords() and Template (with a hand-written
# scanner instead of re: subclasses may change `delimiter`, but a custom `idpattern`,
# `braceidpattern` or `pattern` regex is not supported). Formatter is not provided.

__all__ = ['ascii_letters', 'ascii_lowercase', 'ascii_uppercase', 'capwords', 'digits',
           'hexdigits', 'octdigits', 'printable', 'punctuation', 'whitespace', 'Template']

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


_sentinel_dict = {}
_ID_START = frozenset('_' + ascii_letters)
_ID_CHARS = frozenset('_' + ascii_letters + digits)


class _Match:
    """What one match of CPython's Template.pattern would report."""
    __slots__ = ('kind', 'name', 'start', 'end')

    def __init__(self, kind, name, start, end):
        self.kind = kind    # 'escaped', 'named', 'braced' or 'invalid'
        self.name = name
        self.start = start
        self.end = end


def _id_end(s, i, n):
    if i < n and s[i] in _ID_START:
        i += 1
        while i < n and s[i] in _ID_CHARS:
            i += 1
    return i


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'
    idpattern = r'(?a:[_a-z][_a-z0-9]*)'
    braceidpattern = None
    flags = None

    def __init__(self, template):
        self.template = template

    def _matches(self):
        s = self.template
        delim = self.delimiter
        dl = len(delim)
        n = len(s)
        i = s.find(delim)
        while i >= 0:
            j = i + dl
            if s.startswith(delim, j):
                m = _Match('escaped', None, i, j + dl)
            else:
                k = _id_end(s, j, n)
                if k > j:
                    m = _Match('named', s[j:k], i, k)
                elif j < n and s[j] == '{' and _id_end(s, j + 1, n) > j + 1 and \
                        _id_end(s, j + 1, n) < n and s[_id_end(s, j + 1, n)] == '}':
                    k = _id_end(s, j + 1, n)
                    m = _Match('braced', s[j + 1:k], i, k + 1)
                else:
                    m = _Match('invalid', None, i, j)
            yield m
            i = s.find(delim, m.end)

    def _invalid(self, mo):
        i = mo.end
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' % (lineno, colno))

    def _sub(self, convert):
        parts = []
        pos = 0
        s = self.template
        for mo in self._matches():
            parts.append(s[pos:mo.start])
            parts.append(convert(mo))
            pos = mo.end
        parts.append(s[pos:])
        return ''.join(parts)

    def substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            from collections import ChainMap
            mapping = ChainMap(kws, mapping)

        def convert(mo):
            if mo.name is not None:
                return str(mapping[mo.name])
            if mo.kind == 'escaped':
                return self.delimiter
            self._invalid(mo)
        return self._sub(convert)

    def safe_substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            from collections import ChainMap
            mapping = ChainMap(kws, mapping)
        s = self.template

        def convert(mo):
            if mo.name is not None:
                try:
                    return str(mapping[mo.name])
                except KeyError:
                    return s[mo.start:mo.end]
            if mo.kind == 'escaped':
                return self.delimiter
            return s[mo.start:mo.end]
        return self._sub(convert)

    def is_valid(self):
        for mo in self._matches():
            if mo.kind == 'invalid':
                return False
        return True

    def get_identifiers(self):
        ids = []
        for mo in self._matches():
            if mo.name is not None and mo.name not in ids:
                ids.append(mo.name)
        return ids
