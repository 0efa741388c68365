# Small n-body style float kernel with lists of floats and attribute-free updates.
def simulate(steps):
    pos = [[0.0, 0.0], [1.0, 0.0], [0.0, 1.5], [-1.2, -0.4]]
    vel = [[0.0, 0.0], [0.0, 0.8], [-0.6, 0.0], [0.3, -0.5]]
    mass = [10.0, 0.1, 0.2, 0.05]
    dt = 0.001
    n = len(pos)
    for _ in range(steps):
        for i in range(n):
            ax = ay = 0.0
            for j in range(n):
                if i != j:
                    dx = pos[j][0] - pos[i][0]
                    dy = pos[j][1] - pos[i][1]
                    d2 = dx * dx + dy * dy + 0.01
                    inv = mass[j] / (d2 * d2 ** 0.5)
                    ax += dx * inv
                    ay += dy * inv
            vel[i][0] += ax * dt
            vel[i][1] += ay * dt
        for i in range(n):
            pos[i][0] += vel[i][0] * dt
            pos[i][1] += vel[i][1] * dt
    return pos, vel
pos, vel = simulate(2000)
for p, v in zip(pos, vel):
    print(p, v)
