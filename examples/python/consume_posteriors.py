#!/usr/bin/python3
"""Print LEAIN's DCBH posteriors as they arrive on Kafka: a downstream consumer for astronomers.

For every record on the posterior topic (leain.posteriors by default) it prints one line:

    <superevent_id>|<spectrum_id>  z=<median> [<5%>, <95%>]  log10_mbh=<median> [<5%>, <95%>]  modalities=SED+STRAIN

i.e. the posterior median and the central 90% credible interval (5th to 95th percentile) of the
redshift z and of log10(M_BH / Msun), from the summaries LEAIN computes from its posterior samples.
A posterior LEAIN flagged (schema v3 `warnings`, e.g. a spectrum unlike the training simulations)
gets each warning appended as "WARNING: <text>". A withdrawn posterior (a tombstone: the record has a
key but no value) prints "withdrawn <key>".

Needs Debian's python3-confluent-kafka and python3-avro; run it with /usr/bin/python3:

    /usr/bin/python3 examples/python/consume_posteriors.py --bootstrap-servers 127.0.0.1:9092

How a LEAIN message is decoded (python3-avro 1.11 has no decoder for this format, so it is done by
hand below, in a few lines). Each message value is an Avro "single-object encoding":

    bytes 0-1   C3 01        a marker saying "Avro single object"
    bytes 2-9   fingerprint  which schema wrote the record (8 bytes, CRC-64-AVRO, little-endian)
    bytes 10-   body         the record in Avro's binary encoding

The schemas module ships fingerprints.json, mapping each fingerprint (the 8 bytes in hex) to the
schema file that wrote it. We look the schema up there and let python3-avro read the body with it.
Older schema versions stay listed, so old messages remain readable.
"""
import argparse
import io
import json
import os
import sys
import uuid

import avro.io
import avro.schema
from confluent_kafka import Consumer, KafkaException

MARKER = b"\xc3\x01"
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SCHEMAS = os.path.normpath(os.path.join(HERE, "..", "..", "schemas"))


class PosteriorDecoder:
    """Decodes single-object encoded Avro payloads with the schemas listed in fingerprints.json."""

    def __init__(self, schemas_dir):
        self.schemas_dir = schemas_dir
        with open(os.path.join(schemas_dir, "fingerprints.json"), encoding="utf-8") as f:
            self.fingerprints = json.load(f)["fingerprints"]
        self.readers = {}  # fingerprint (hex) -> avro.io.DatumReader, parsed once

    def decode(self, payload):
        if payload[:2] != MARKER:
            raise ValueError("not an Avro single-object payload: starts with " + payload[:2].hex())
        fingerprint = payload[2:10].hex()
        if fingerprint not in self.readers:
            entry = self.fingerprints.get(fingerprint)
            if entry is None:
                raise ValueError("unknown schema fingerprint " + fingerprint + " (update the schemas folder)")
            with open(os.path.join(self.schemas_dir, entry["schema_path"]), encoding="utf-8") as f:
                self.readers[fingerprint] = avro.io.DatumReader(avro.schema.parse(f.read()))
        body = avro.io.BinaryDecoder(io.BytesIO(payload[10:]))
        return self.readers[fingerprint].read(body)


def summary_line(posterior):
    """One line: the ids, then median and 90% interval of z and log10_mbh, then the modalities."""
    by_name = {s["name"]: s for s in posterior["summaries"]}
    parts = [posterior["association_id"]]
    for name in ("z", "log10_mbh"):
        s = by_name.get(name)
        if s is None:
            parts.append("%s=n/a" % name)
        else:
            parts.append("%s=%.3f [%.3f, %.3f]" % (name, s["median"], s["p05"], s["p95"]))
    parts.append("modalities=" + "+".join(posterior["modalities"]))
    # Since schema v3: reasons not to trust this posterior (absent in older records).
    for warning in posterior.get("warnings") or []:
        parts.append("WARNING: " + warning)
    return "  ".join(parts)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bootstrap-servers", required=True, help="Kafka bootstrap servers, HOST:PORT")
    parser.add_argument("--topic", default="leain.posteriors")
    parser.add_argument("--schemas", default=DEFAULT_SCHEMAS, help="the schemas folder (with fingerprints.json)")
    parser.add_argument("--group-id", default=None, help="consumer group (default: a new one each run)")
    parser.add_argument("--from-beginning", action="store_true", help="start at the oldest posterior")
    parser.add_argument("--max-messages", type=int, default=0, help="stop after this many (0 = run forever)")
    parser.add_argument("--timeout", type=float, default=0, help="stop after this many idle seconds (0 = never)")
    args = parser.parse_args()

    decoder = PosteriorDecoder(args.schemas)
    consumer = Consumer({
        "bootstrap.servers": args.bootstrap_servers,
        "group.id": args.group_id or "leain-example-" + uuid.uuid4().hex[:8],
        "auto.offset.reset": "earliest" if args.from_beginning else "latest",
        # Only posteriors of committed transactions: LEAIN writes exactly once.
        "isolation.level": "read_committed",
        "enable.auto.commit": True,
    })
    consumer.subscribe([args.topic])
    seen = 0
    idle = 0.0
    try:
        while args.max_messages == 0 or seen < args.max_messages:
            message = consumer.poll(0.5)
            if message is None:
                idle += 0.5
                if args.timeout and idle >= args.timeout:
                    break
                continue
            idle = 0.0
            if message.error():
                raise KafkaException(message.error())
            seen += 1
            key = message.key().decode("utf-8") if message.key() is not None else None
            if message.value() is None:
                print("withdrawn %s" % key, flush=True)
            else:
                print(summary_line(decoder.decode(message.value())), flush=True)
    except KeyboardInterrupt:
        pass
    finally:
        consumer.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
