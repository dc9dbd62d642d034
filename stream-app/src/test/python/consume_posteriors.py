#!/usr/bin/python3
"""Read LEAIN posteriors as a downstream Python consumer would: librdkafka (python3-confluent-kafka)
with isolation.level=read_committed, values decoded with python3-avro (which has no single-object
decoder: strip the 10-byte header C3 01 + fingerprint, find the schema in fingerprints.json).

Usage: consume_posteriors.py BOOTSTRAP TOPIC FINGERPRINTS_JSON EXPECTED_COUNT TIMEOUT_S
Prints one JSON object per record: key, and for a value its association_id, alert_version,
modalities and the first summary; {"key": ..., "tombstone": true} for a tombstone.
"""
import io
import json
import os
import sys
import time
import uuid

import avro.io
import avro.schema
from confluent_kafka import Consumer


def decode(payload, index, base):
    if payload[:2] != b"\xc3\x01":
        raise ValueError("expected marker c3 01, got " + payload[:2].hex())
    entry = index["fingerprints"][payload[2:10].hex()]
    with open(os.path.join(base, entry["schema_path"]), encoding="utf-8") as f:
        schema = avro.schema.parse(f.read())
    return avro.io.DatumReader(schema).read(avro.io.BinaryDecoder(io.BytesIO(payload[10:])))


def main():
    bootstrap, topic, fingerprints, expected, timeout = sys.argv[1:6]
    with open(fingerprints, encoding="utf-8") as f:
        index = json.load(f)
    base = os.path.dirname(os.path.abspath(fingerprints))
    consumer = Consumer({
        "bootstrap.servers": bootstrap,
        "group.id": "leain-py-" + uuid.uuid4().hex,
        "auto.offset.reset": "earliest",
        "isolation.level": "read_committed",
        "enable.auto.commit": False,
        "fetch.message.max.bytes": 9 * 1024 * 1024,
    })
    consumer.subscribe([topic])
    seen = 0
    deadline = time.time() + float(timeout)
    try:
        while seen < int(expected) and time.time() < deadline:
            message = consumer.poll(0.5)
            if message is None:
                continue
            if message.error():
                raise RuntimeError(str(message.error()))
            key = message.key().decode("utf-8") if message.key() is not None else None
            if message.value() is None:
                print(json.dumps({"key": key, "tombstone": True}))
            else:
                p = decode(message.value(), index, base)
                print(json.dumps({"key": key, "association_id": p["association_id"],
                                  "alert_version": p["alert_version"], "modalities": p["modalities"],
                                  "first_summary": p["summaries"][0]["name"]}))
            seen += 1
    finally:
        consumer.close()
    return 0 if seen >= int(expected) else 1


if __name__ == "__main__":
    sys.exit(main())
