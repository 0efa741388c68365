# Small ray tracer: vector class, spheres and a plane, diffuse + shadow + one reflection; prints a checksum.
import math
from _bench import run


class Vec:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def scale(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def norm(self):
        return self.scale(1.0 / math.sqrt(self.dot(self)))


class Sphere:
    def __init__(self, center, radius, color, reflect):
        self.center = center
        self.radius = radius
        self.color = color
        self.reflect = reflect

    def hit(self, origin, direction):
        oc = origin - self.center
        b = oc.dot(direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0.0:
            return None
        t = -b - math.sqrt(disc)
        return t if t > 1e-6 else None

    def normal(self, p):
        return (p - self.center).norm()


class Plane:
    def __init__(self, y, color, reflect):
        self.y = y
        self.color = color
        self.reflect = reflect

    def hit(self, origin, direction):
        if abs(direction.y) < 1e-9:
            return None
        t = (self.y - origin.y) / direction.y
        return t if t > 1e-6 else None

    def normal(self, p):
        return Vec(0.0, 1.0, 0.0)


SCENE = [
    Sphere(Vec(0.0, 1.0, 5.0), 1.0, Vec(0.9, 0.2, 0.2), 0.3),
    Sphere(Vec(-2.0, 0.7, 6.0), 0.7, Vec(0.2, 0.9, 0.2), 0.1),
    Sphere(Vec(2.0, 1.5, 7.0), 1.5, Vec(0.2, 0.3, 0.9), 0.5),
    Plane(0.0, Vec(0.8, 0.8, 0.8), 0.2),
]
LIGHT = Vec(-5.0, 10.0, -3.0)


def closest(origin, direction):
    best_t, best = None, None
    for obj in SCENE:
        t = obj.hit(origin, direction)
        if t is not None and (best_t is None or t < best_t):
            best_t, best = t, obj
    return best_t, best


def trace(origin, direction, depth):
    t, obj = closest(origin, direction)
    if obj is None:
        return Vec(0.1, 0.1, 0.2)
    p = origin + direction.scale(t)
    n = obj.normal(p)
    to_light = (LIGHT - p).norm()
    shadow_t, _ = closest(p, to_light)
    diffuse = max(0.0, n.dot(to_light)) if shadow_t is None else 0.0
    color = obj.color.scale(0.1 + 0.9 * diffuse)
    if depth > 0 and obj.reflect > 0.0:
        r = direction - n.scale(2.0 * direction.dot(n))
        color = color.scale(1.0 - obj.reflect) + trace(p, r, depth - 1).scale(obj.reflect)
    return color


def render(size):
    width, height = size, size * 3 // 4
    eye = Vec(0.0, 1.5, -2.0)
    checksum = 0
    for j in range(height):
        for i in range(width):
            d = Vec((i - width / 2) / width, (height / 2 - j) / width, 1.0).norm()
            c = trace(eye, d, 2)
            checksum += int(min(c.x, 1.0) * 255) * 65536 + int(min(c.y, 1.0) * 255) * 256 + int(min(c.z, 1.0) * 255)
            checksum %= 1000000007
    return f"{width}x{height} checksum={checksum}"


run(render, 320, minimum=8)
