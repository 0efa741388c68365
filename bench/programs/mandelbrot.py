# Mandelbrot set membership on a grid with complex-free float arithmetic; prints the inside count + row hash.
from _bench import run


def mandelbrot(size):
    inside = 0
    row_hash = 0
    for y in range(size):
        ci = 2.0 * y / size - 1.0
        row = 0
        for x in range(size):
            cr = 2.0 * x / size - 1.5
            zr = zi = 0.0
            i = 0
            while i < 50 and zr * zr + zi * zi <= 4.0:
                zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
                i += 1
            if i == 50:
                inside += 1
                row += x
        row_hash = (row_hash * 31 + row) % 1000000007
    return f"size={size} inside={inside} hash={row_hash}"


run(mandelbrot, 500, minimum=8)
