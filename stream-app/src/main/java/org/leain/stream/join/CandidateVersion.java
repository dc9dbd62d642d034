package org.leain.stream.join;

import java.nio.ByteBuffer;

/**
 * The current version of a superevent's candidate and whether it is retracted: what the pair step
 * needs on every pair, kept apart from the candidate itself (a ~1 MB record with its skymap) so that
 * it costs a few bytes to read.
 */
record CandidateVersion(int version, boolean retracted) {

  static final FunctionSerde<CandidateVersion> SERDE = new FunctionSerde<>(
      v -> ByteBuffer.allocate(5).putInt(v.version()).put((byte) (v.retracted() ? 1 : 0)).array(),
      bytes -> {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new CandidateVersion(buffer.getInt(), buffer.get() == 1);
      });
}
