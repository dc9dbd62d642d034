/**
 * The hostile-input corpus: records an attacker, a buggy upstream or a bit rot could put on
 * LEAIN's input topics, each with the outcome LEAIN owes it.
 *
 * <p>{@link org.leain.hostile.HostileCorpusGenerator} writes the corpus deterministically (fixed
 * seed) into {@code src/test/resources/hostile/}: one {@code <case>.bin} per case and
 * {@code manifest.json} naming, for every case, the target topic and key, the component that owns
 * the rejection (Avro codec, LVK alert reader, skymap reader, spectrum reader, the stream's record
 * validation, the normaliser's versioning), the reason that component must give, the dead-letter
 * reason code the stream app must write, or {@code NO_OP} for a documented no-op. Cases whose
 * payload would be megabytes (arrays of millions of elements, a gzip bomb) are not committed: the
 * manifest holds a compact recipe ({@code generated}) that {@link org.leain.hostile.HostileCorpus}
 * expands on the fly. The generator's output is checked against the committed files in a test, so
 * the corpus and its generator cannot drift apart.
 */
package org.leain.hostile;
