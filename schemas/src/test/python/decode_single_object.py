#!/usr/bin/python3
"""Decode one LEAIN Avro single-object payload with Debian's python3-avro (1.11), which has no
single-object decoder of its own, and print selected fields as JSON.

Usage: decode_single_object.py PAYLOAD_FILE FINGERPRINTS_JSON

Steps, as any consumer without a single-object decoder would do them:
  1. check the 2-byte marker C3 01;
  2. read the next 8 bytes: the writer schema's CRC-64-AVRO fingerprint, little-endian;
  3. look the fingerprint (those 8 bytes in hex) up in fingerprints.json to find the schema file;
  4. decode the rest with avro.io.DatumReader and avro.io.BinaryDecoder.
It also recomputes the CRC-64-AVRO fingerprint of the schema's parsing canonical form in Python
(an implementation independent of Java's) and reports whether it matches the header.
"""
import io
import json
import os
import struct
import sys

import avro.io
import avro.schema

MARKER = b"\xc3\x01"
CRC64_EMPTY = 0xC15D213AA4D7A795


def crc64_avro(data: bytes) -> int:
    """CRC-64-AVRO as the Avro specification defines it (Rabin fingerprint, reflected)."""
    table = []
    for i in range(256):
        fp = i
        for _ in range(8):
            fp = (fp >> 1) ^ (CRC64_EMPTY & -(fp & 1))
        table.append(fp)
    fp = CRC64_EMPTY
    for byte in data:
        fp = (fp >> 8) ^ table[(fp ^ byte) & 0xFF]
    return fp


def decode(payload: bytes, fingerprints_path: str):
    if payload[:2] != MARKER:
        raise ValueError("expected marker c3 01, got " + payload[:2].hex())
    header = payload[2:10]
    if len(header) != 8:
        raise ValueError("expected an 8-byte fingerprint after the marker")
    with open(fingerprints_path, encoding="utf-8") as f:
        index = json.load(f)
    entry = index["fingerprints"].get(header.hex())
    if entry is None:
        raise KeyError("unknown fingerprint " + header.hex())
    schema_file = os.path.join(os.path.dirname(os.path.abspath(fingerprints_path)), entry["schema_path"])
    with open(schema_file, encoding="utf-8") as f:
        schema = avro.schema.parse(f.read())
    body = io.BytesIO(payload[10:])
    datum = avro.io.DatumReader(schema).read(avro.io.BinaryDecoder(body))
    left_over = len(payload) - 10 - body.tell()
    (fingerprint_long,) = struct.unpack("<q", header)
    computed = crc64_avro(schema.canonical_form.encode("utf-8"))
    return entry, datum, left_over, fingerprint_long, computed == struct.unpack("<Q", header)[0]


def main():
    payload_path, fingerprints_path = sys.argv[1], sys.argv[2]
    with open(payload_path, "rb") as f:
        payload = f.read()
    entry, datum, left_over, fingerprint_long, crc_matches = decode(payload, fingerprints_path)
    out = {
        "record": entry["record"],
        "version": entry["version"],
        "fingerprint_long": fingerprint_long,
        "fingerprint_recomputed_matches": crc_matches,
        "bytes_left_over": left_over,
    }
    if entry["record"] == "org.leain.contracts.DcbhPosterior":
        n_params = datum["n_params"]
        out.update({
            "association_id": datum["association_id"],
            "superevent_id": datum["superevent_id"],
            "spectrum_id": datum["spectrum_id"],
            "alert_version": datum["alert_version"],
            "model_name": datum["model"]["name"],
            "model_sha256": datum["model"]["artifact_sha256"],
            "parameter_names": [p["name"] for p in datum["parameters"]],
            "first_transform": datum["parameters"][0]["transform"],
            "summary0_median": datum["summaries"][0]["median"],
            "summary2_p95": datum["summaries"][2]["p95"],
            "mixture_weights": [c["weight"] for c in datum["mixture"]],
            "mixture1_cholesky": datum["mixture"][1]["cholesky_lower"],
            "n_samples": datum["n_samples"],
            "n_params": n_params,
            "sample1": datum["samples"][n_params:2 * n_params],
            "modalities": datum["modalities"],
            "shadow_injection": datum["shadow_injection"],
            "true_values": datum["true_values"],
            "emitted_ms": datum["timings"]["emitted_ms"],
        })
    else:
        out["fields"] = sorted(datum.keys())
    print(json.dumps(out))


if __name__ == "__main__":
    main()
