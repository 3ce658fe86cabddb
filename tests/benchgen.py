#!/usr/bin/env python3
"""Generate the bench corpus: N reports (default 10,000, about 10 KB each) made
by recombining paragraphs of samples/ and, when present, ../shared/corpus, with
made-up courts and titles. Deterministic: the same seed gives the same bytes.

Usage: benchgen.py OUTDIR [N]
"""
import os
import random
import sys

SYL = "云岚霁川鹤汀桐澜屿砚苍松麓雁栖青石榴湾星河银杉翠柳金沙白鹭紫荆丹枫月溪"


def paragraphs(path):
    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("gb18030", "replace")
    chunks, cur = [], []
    for line in text.splitlines():
        if line.strip():
            cur.append(line.rstrip())
        elif cur:
            chunks.append("\n".join(cur))
            cur = []
    if cur:
        chunks.append("\n".join(cur))
    return chunks


def name(rng, n):
    return "".join(rng.choice(SYL) for _ in range(n))


def main():
    out = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    rng = random.Random(20261122)
    sources = []
    for d in ("samples", "../shared/corpus"):
        if os.path.isdir(d):
            sources += [os.path.join(d, f) for f in sorted(os.listdir(d)) if f.endswith(".txt")]
    body, short = [], []
    for s in sources:
        for c in paragraphs(s):
            (short if len(c) <= 24 and "\n" not in c else body).append(c)
    body = [b for b in body if len(b) > 40]
    cities = [name(rng, 2) + "市" for _ in range(60)]
    counties = [(rng.choice(cities), name(rng, 2) + rng.choice("县区旗")) for _ in range(400)]
    for i in range(count):
        city, county = rng.choice(counties)
        court = rng.choice([city + "中级人民法院", city + county + "人民法院", county + "法院"])
        title = rng.choice(short) + " " + rng.choice(short)
        parts = [title, court + "扎实推进" + rng.choice(["队伍建设", "诉源治理", "执行工作", "审判管理"]),
                 "本报记者●" + name(rng, 2) + "●" + name(rng, 2)]
        size = sum(len(p.encode()) for p in parts)
        target = rng.randint(8000, 12000)
        while size < target:
            if rng.random() < 0.15:
                p = rng.choice(short)
            else:
                p = rng.choice(body)
                if rng.random() < 0.3:
                    p = p.replace("该院", court, 1)
            parts.append(p)
            size += len(p.encode()) + 2
        if rng.random() < 0.5:
            parts.append("（" + name(rng, 2) + "）")
        d = os.path.join(out, "%03d" % (i // 100))
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "report-%05d.txt" % i), "w", encoding="utf-8") as f:
            f.write("\n\n".join(parts) + "\n")


if __name__ == "__main__":
    main()
