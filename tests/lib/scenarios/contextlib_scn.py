# contextlib scenario: run(m, out) with m = a contextlib module; out(str) records a line.
import sys


def run(m, out):
    _part1(m, out)
    _part2(m, out)
    _part3(m, out)


def _attempt(out, label, f):
    try:
        r = f()
        out('%s -> %r' % (label, r))
    except BaseException as e:  # noqa: BLE001
        ctx = e.__context__
        cause = e.__cause__
        out('%s raised %s: %s (context %s, cause %s)' % (
            label, type(e).__name__, e, type(ctx).__name__ if ctx is not None else None,
            type(cause).__name__ if cause is not None else None))


def _part1(m, out):
    @m.contextmanager
    def tag(name, log):
        log.append('enter ' + name)
        try:
            yield name.upper()
        except KeyError as e:
            log.append('caught KeyError %s' % e)
        finally:
            log.append('exit ' + name)

    log = []
    with tag('a', log) as v:
        log.append('body ' + v)
    out(repr(log))
    log = []
    with tag('b', log):
        raise KeyError('k')
    out(repr(log))
    log = []
    try:
        with tag('c', log):
            raise ValueError('v')
    except ValueError as e:
        out('propagated ValueError %s %r' % (e, log))
    out('name %s doc %r' % (tag.__name__, tag.__doc__))

    @m.contextmanager
    def noyield():
        if False:
            yield

    @m.contextmanager
    def twoyield():
        yield 1
        yield 2

    @m.contextmanager
    def swallow():
        try:
            yield
        except Exception:
            pass

    @m.contextmanager
    def reraise_other():
        try:
            yield
        except ValueError:
            raise TypeError('converted')

    @m.contextmanager
    def passthrough():
        yield

    def attempt(label, f):
        _attempt(out, label, f)

    def w_noyield():
        with noyield():
            pass
    attempt('noyield', w_noyield)

    def w_twoyield():
        with twoyield() as x:
            return x
    attempt('twoyield', w_twoyield)

    def w_twoyield_exc():
        with twoyield():
            raise ValueError('inner')
    attempt('twoyield exc', w_twoyield_exc)

    def w_swallow():
        with swallow():
            raise ValueError('gone')
        return 'after'
    attempt('swallow', w_swallow)

    def w_reraise():
        with reraise_other():
            raise ValueError('orig')
    attempt('reraise other', w_reraise)

    def w_stopiter():
        with passthrough():
            raise StopIteration('s')
    attempt('StopIteration through', w_stopiter)

    def w_runtime():
        with passthrough():
            raise RuntimeError('r')
    attempt('RuntimeError through', w_runtime)

    def w_gexit():
        with passthrough():
            raise GeneratorExit()
    attempt('GeneratorExit through', w_gexit)


def _part2(m, out):
    def attempt(label, f):
        _attempt(out, label, f)

    @m.contextmanager
    def deco_cm(log):
        log.append('in')
        yield
        log.append('out')
    log = []

    @deco_cm(log)
    def decorated(x):
        log.append('call %s' % x)
        return x * 2
    out('decorated %r %r' % (decorated(3), log))
    out('decorated twice %r %r' % (decorated(4), log))

    class Res:
        def __init__(self):
            self.closed = False

        def close(self):
            self.closed = True
    r = Res()
    with m.closing(r) as rr:
        out('closing same %s closed %s' % (rr is r, r.closed))
    out('closed after %s' % r.closed)

    with m.suppress(KeyError, IndexError):
        [][1]
    out('suppress ok')
    attempt('suppress other', lambda: _raise_in(m.suppress(KeyError), ValueError('x')))
    with m.suppress():
        pass
    with m.nullcontext(5) as n:
        out('nullcontext %r' % n)
    with m.nullcontext() as n:
        out('nullcontext %r' % n)

    class Buf:
        def __init__(self):
            self.parts = []

        def write(self, s):
            self.parts.append(s)
            return len(s)

        def flush(self):
            pass
    b = Buf()
    old = sys.stdout
    with m.redirect_stdout(b) as t:
        print('redirected', 1, 2)
        same_target = t is b
    out('redirect %r same %s restored %s' % (''.join(b.parts), same_target, sys.stdout is old))
    b2 = Buf()
    olde = sys.stderr
    with m.redirect_stderr(b2):
        sys.stderr.write('err text')
    out('redirect_stderr %r restored %s' % (''.join(b2.parts), sys.stderr is olde))
    rs = m.redirect_stdout(b)
    with rs:
        with rs:
            print('nested')
    out('reentrant restored %s %r' % (sys.stdout is old, b.parts[-2:]))


def _part3(m, out):
    def attempt(label, f):
        _attempt(out, label, f)
    # ExitStack
    log = []

    class CM:
        def __init__(self, name, suppress=False):
            self.name = name
            self.suppress = suppress

        def __enter__(self):
            log.append('enter ' + self.name)
            return self.name

        def __exit__(self, t, v, tb):
            log.append('exit %s %s' % (self.name, t.__name__ if t else None))
            return self.suppress

    with m.ExitStack() as st:
        out('enter_context %r' % st.enter_context(CM('x')))
        st.callback(log.append, 'callback 1')
        cb = st.callback(lambda *a, **k: log.append('cb %r %r' % (a, k)), 1, 2, z=3)
        out('callback returns fn %s wrapped %s' % (callable(cb), True))
        st.push(CM('pushed'))
        st.push(lambda t, v, tb: log.append('push fn %s' % (t,)))
        st.enter_context(CM('y'))
    out(repr(log))
    log = []
    with m.ExitStack() as st:
        st.enter_context(CM('s', suppress=True))
        st.enter_context(CM('t'))
        raise ValueError('suppressed by s')
    out('suppressed %r' % log)
    log = []
    with m.ExitStack() as st:
        st.enter_context(CM('p'))
        st2 = st.pop_all()
    out('pop_all %r' % log)
    st2.close()
    out('after close %r' % log)
    attempt('enter_context bad', lambda: m.ExitStack().enter_context(object()))

    def raising_cb(msg):
        raise KeyError(msg)

    def w_chain():
        with m.ExitStack() as st:
            st.callback(raising_cb, 'first')
            st.callback(raising_cb, 'second')
            raise ValueError('body')
    try:
        w_chain()
    except KeyError as e:
        chain = []
        x = e
        while x is not None:
            chain.append('%s(%s)' % (type(x).__name__, x))
            x = x.__context__
        out('exception chain ' + ' <- '.join(chain))

    def w_suppress_then_raise():
        with m.ExitStack() as st:
            st.callback(raising_cb, 'late')
            st.enter_context(m.suppress(ValueError))
            raise ValueError('x')
    attempt('suppress then raise', w_suppress_then_raise)

    out('isinstance ACM: %s %s %s' % (isinstance(CM('q'), m.AbstractContextManager),
                                     isinstance(object(), m.AbstractContextManager),
                                     issubclass(m.ExitStack, m.AbstractContextManager)))

    class Mine(m.AbstractContextManager):
        def __exit__(self, *a):
            return None
    mine = Mine()
    with mine as x:
        out('ACM default enter returns self %s' % (x is mine))

    class NoExit(m.AbstractContextManager):
        pass
    attempt('abstract instantiation', lambda: NoExit() and None)

    class CD(m.ContextDecorator):
        def __enter__(self):
            log.append('CD enter')
            return self

        def __exit__(self, *exc):
            log.append('CD exit')
            return False
    log = []

    @CD()
    def f(a, b=2):
        """doc of f"""
        log.append('f %s %s' % (a, b))
        return a + b
    out('ContextDecorator %r %r %s %s' % (f(1), log, f.__name__, f.__doc__))


def _raise_in(cm, exc):
    with cm:
        raise exc
