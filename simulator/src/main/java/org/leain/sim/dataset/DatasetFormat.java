package org.leain.sim.dataset;

import java.nio.ByteOrder;

/**
 * The binary dataset format, version 1. Little-endian throughout.
 *
 * <pre>
 * header
 *   8 bytes   magic "LEAINSIM" (ASCII)
 *   int32     version = 1
 *   int32     header length in bytes (records start there)
 *   int32     P  number of parameters (8)
 *   int32     S  SED bins (320)
 *   int32     T  strain samples per channel (1024)
 *   int32     C  strain channels (2: A, E)
 *   int64     N  number of records
 *   int64     dataset seed
 *   P times   int32 byte length + UTF-8 parameter id (Parameter order: z, log10_mbh, ...)
 *   S float64 wavelength of the SED bin centres, micrometres
 *   T float64 ln(tau / 1 s) of the strain samples
 * record (fixed size 8P + 4(2S + C T) bytes = 10,816 bytes for 8/320/1024/2)
 *   P float64 theta (true values, including phi_c)
 *   S float32 noise-free flux, microjansky
 *   S float32 flux error (1 sigma), microjansky
 *   T float32 noise-free whitened strain, channel A
 *   T float32 noise-free whitened strain, channel E
 * </pre>
 *
 * Simulated records have every SED bin and strain sample usable (all masks true), so masks are not
 * stored. Noise is not stored: draw N(0, err^2) per bin and N(0, 1) per strain sample each epoch
 * ({@link DatasetRecord#noisyObservation}), exactly the likelihood's noise.
 */
public final class DatasetFormat {

  /** The magic bytes at offset 0. */
  public static final String MAGIC = "LEAINSIM";
  /** The format version written by this code. */
  public static final int VERSION = 1;
  static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
  /** Offset of the record count N in the header. */
  static final int RECORD_COUNT_OFFSET = 8 + 4 * 6;

  private DatasetFormat() {}

  /** Size in bytes of one record. */
  public static int recordBytes(int params, int sedBins, int strainSamples, int channels) {
    return 8 * params + 4 * (2 * sedBins + channels * strainSamples);
  }
}
