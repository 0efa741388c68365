# statistics scenario: run(m, out) with m = a statistics module. Fractions are the module's own
# (m.Fraction: Kestrel's lib/fractions.py under Kestrel and in tests/lib/run_tests.py).


def _try(out, label, f):
    try:
        r = f()
        out('%s -> %r %s' % (label, r, type(r).__name__))
    except Exception as e:  # noqa: BLE001
        out('%s raised %s: %s' % (label, type(e).__name__, e))


def run(m, out):
    Fraction = m.Fraction
    datasets = [[1, 2, 3, 4, 4], [2.5, 3.25, 5.5, 11.25, 11.75], [0.1, 0.2, 0.3], [1e308, 1e308],
                [1, 2.5, 3], [Fraction(1, 3), Fraction(2, 3), 1], [3], [], [5, 5, 5, 5],
                [1.5, 2.5, 2.5, 2.75, 3.25, 4.75], [-1, -4, 7, 12, 0, 3, 3], list(range(1, 101)),
                [0.1 * i for i in range(1, 50)], [10 ** 20 + 1, 10 ** 20 + 3], [True, False, True],
                ['a', 'b', 'b'], [1, float('nan')], [1, float('inf')], [2, 8], [1, 3, 9, 27]]
    funcs = ['mean', 'fmean', 'median', 'median_low', 'median_high', 'median_grouped', 'mode', 'multimode',
             'variance', 'pvariance', 'stdev', 'pstdev', 'geometric_mean', 'harmonic_mean', 'quantiles']
    for d in datasets:
        for f in funcs:
            _try(out, '%s(%r)' % (f, d), lambda: getattr(m, f)(d))
    _try(out, 'variance xbar', lambda: m.variance([1, 2, 3, 4], 2.5))
    _try(out, 'pvariance mu', lambda: m.pvariance([1, 2, 3, 4], 2))
    _try(out, 'quantiles n=10', lambda: m.quantiles(list(range(1, 21)), n=10))
    _try(out, 'quantiles inclusive', lambda: m.quantiles([1, 5, 9, 11, 20], n=4, method='inclusive'))
    _try(out, 'fmean weights', lambda: m.fmean([1, 2, 3], weights=[3, 2, 1]))
    _try(out, 'harmonic weights', lambda: m.harmonic_mean([40, 60], weights=[5, 30]))
    _try(out, 'median_grouped interval', lambda: m.median_grouped([1, 2, 2, 3, 4, 4, 4, 4, 4, 5], interval=2))
    _try(out, 'covariance', lambda: m.covariance([1, 2, 3, 4, 5], [1, 3, 2, 5, 4]))
    _try(out, 'correlation', lambda: m.correlation([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]))
    _try(out, 'linear_regression', lambda: tuple(m.linear_regression([1, 2, 3, 4, 5], [3, 5, 7, 9, 12])))
    _try(out, 'linear_regression prop', lambda: tuple(m.linear_regression([1, 2, 3], [2, 4, 7], proportional=True)))
    _try(out, 'mean iterator', lambda: m.mean(iter([1, 2, 3, 4])))
    _try(out, 'mean generator floats', lambda: m.mean(x / 7 for x in range(20)))
    _try(out, 'stdev one', lambda: m.stdev([1]))
    _try(out, 'StatisticsError is ValueError', lambda: issubclass(m.StatisticsError, ValueError))
