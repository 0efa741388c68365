# os scenario: run(m, out) with m = an os module; works in a fresh directory under /tmp.


def _try(out, label, f):
    try:
        out('%s -> %r' % (label, f()))
    except Exception as e:  # noqa: BLE001
        out('%s raised %s: %s' % (label, type(e).__name__, str(e).replace(str(_BASE[0]), '<base>')))


_BASE = ['']


def run(m, out):
    p = m.path
    base = '/tmp/kestrel_os_scn_%d' % m.getpid()
    _BASE[0] = base
    out(repr((m.sep, m.name, m.linesep, m.curdir, m.pardir, m.pathsep, p.sep, type(m.getpid()).__name__)))
    out(repr((p.join('a', 'b'), p.split('/a/b'), p.splitext('x.tar.gz'), p.basename('/a/b'), p.dirname('/a/b'),
              p.normpath('a//b/../c'), p.isabs('/x'), p.relpath('/a/b/c', '/a/x'))))
    out(repr((m.getcwd() == p.abspath('.'), p.abspath('/x/../y'), p.realpath('/tmp/../tmp'), p.exists('/'),
              p.isdir('/'), p.isfile('/'), p.exists('/definitely/not/here'))))
    out(repr((m.environ.get('HOME') == m.getenv('HOME'), 'PATH' in m.environ, m.getenv('NOPE_KESTREL_X', 'dflt'),
              p.expanduser('~') == m.environ.get('HOME', '~'))))
    m.makedirs(p.join(base, 'a', 'b', 'c'))
    m.makedirs(p.join(base, 'a', 'b'), exist_ok=True)
    _try(out, 'makedirs exists', lambda: m.makedirs(p.join(base, 'a')))
    f = open(p.join(base, 'a', 'f.txt'), 'w')
    f.write('hello world')
    f.close()
    fp = p.join(base, 'a', 'f.txt')
    st = m.stat(fp)
    out(repr((p.isfile(fp), p.isdir(fp), p.getsize(fp), st.st_size, st.st_mode & 0o170000 == 0o100000,
              isinstance(st.st_mtime, float), p.getmtime(fp) == st.st_mtime)))
    out(repr((sorted(m.listdir(p.join(base, 'a'))), sorted(m.listdir(base)))))
    out(repr([(t[0].replace(base, '<base>'), sorted(t[1]), sorted(t[2])) for t in m.walk(base)]))
    out(repr([t[0].replace(base, '<base>') for t in m.walk(base, topdown=False)]))
    _try(out, 'stat missing', lambda: m.stat(p.join(base, 'zz')))
    _try(out, 'listdir missing', lambda: m.listdir(p.join(base, 'zz')))
    _try(out, 'rmdir nonempty', lambda: m.rmdir(p.join(base, 'a')))
    _try(out, 'mkdir exists', lambda: m.mkdir(p.join(base, 'a')))
    m.rename(fp, p.join(base, 'g.txt'))
    out(repr((p.exists(fp), p.exists(p.join(base, 'g.txt')))))
    m.remove(p.join(base, 'g.txt'))
    _try(out, 'unlink missing', lambda: m.unlink(p.join(base, 'g.txt')))
    m.removedirs(p.join(base, 'a', 'b', 'c'))
    out(repr(p.exists(base)))
