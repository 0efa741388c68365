# Sort-heavy workload: sorting ints, tuples, strings and key/lambda sorts of records; stable-sort checks.
from _bench import run


def lcg_list(n, seed):
    state = seed
    out = []
    for _ in range(n):
        state = (state * 6364136223846793005 + 1442695040888963407) & 0xffffffffffffffff
        out.append(state >> 40)
    return out


def workload(n):
    nums = lcg_list(n, 42)
    a = sorted(nums)
    b = sorted(nums, reverse=True)
    records = [(x % 1000, x % 7, i) for i, x in enumerate(nums)]
    records.sort()
    by_key = sorted(records, key=lambda r: (r[1], -r[0]))
    words = [format(x, "x") for x in nums[: n // 2]]
    words.sort(key=len)
    words_sorted = sorted(words)
    chunks = [sorted(nums[i:i + 100]) for i in range(0, n, 100)]
    merged_heads = sorted(c[0] for c in chunks)
    return (f"min={a[0]} max={a[-1]} median={a[n // 2]} rev_ok={b == a[::-1]}\n"
            f"first={records[:2]} by_key={by_key[:2]}\n"
            f"words={words[:3]} {words_sorted[:3]} heads={merged_heads[:3]} checksum={sum(r[2] * (i % 5) for i, r in enumerate(by_key)) % 1000003}")


run(workload, 200000, minimum=200)
