package org.leain.stream.join;

import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.leain.contracts.DeadLetterReason;
import org.leain.contracts.Spectrum;
import org.leain.sky.healpix.Healpix;
import org.leain.stream.dlq.DeadLetterException;
import org.leain.stream.dlq.RecordIds;
import org.leain.stream.metrics.Counter;
import org.leain.stream.metrics.StreamMetrics;

/**
 * Validates a spectrum and re-keys it by the join cell holding its position. Invalid spectra
 * (bad id, position off the sphere, arrays of different lengths, wavelengths not positive and
 * increasing, an impossible redshift) are dead letters with reason INVALID_SPECTRUM or INVALID_ID.
 */
final class SpectrumCells implements Processor<String, Spectrum, String, Spectrum> {
  /** Fewest bins a spectrum must have to be worth joining. */
  static final int MIN_BINS = 8;

  private final int order;
  private final StreamMetrics metrics;
  private ProcessorContext<String, Spectrum> context;

  SpectrumCells(int order, StreamMetrics metrics) {
    this.order = order;
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, Spectrum> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, Spectrum> record) {
    Spectrum spectrum = record.value();
    if (spectrum == null) {
      return;
    }
    metrics.increment(Counter.SPECTRA);
    String id = RecordIds.require("spectrum_id", spectrum.getSpectrumId());
    if (record.key() != null && !record.key().equals(id)) {
      throw new DeadLetterException(DeadLetterReason.INVALID_RECORD,
          "Expected the record key to equal spectrum_id " + id + ". Actual: " + record.key());
    }
    validate(spectrum);
    if (spectrum.getProvenance().getIngestedMs() == null) {
      spectrum.getProvenance().setIngestedMs(record.timestamp());
    }
    long cell = Healpix.ang2pixNested(order, spectrum.getRaDeg(), spectrum.getDecDeg());
    context.forward(new Record<>(Long.toString(cell), spectrum, record.timestamp()));
  }

  static void validate(Spectrum s) {
    if (!(s.getRaDeg() >= 0 && s.getRaDeg() <= 360)) {
      throw invalid("ra_deg in [0, 360]", s.getRaDeg());
    }
    if (!(s.getDecDeg() >= -90 && s.getDecDeg() <= 90)) {
      throw invalid("dec_deg in [-90, 90]", s.getDecDeg());
    }
    List<Double> wavelength = s.getWavelengthUm();
    int n = wavelength.size();
    if (n < MIN_BINS) {
      throw invalid("at least " + MIN_BINS + " wavelength bins", n);
    }
    if (s.getFluxUjy().size() != n || s.getFluxErrUjy().size() != n || s.getMask().size() != n) {
      throw invalid("flux_ujy, flux_err_ujy and mask of " + n + " bins (as wavelength_um)",
          s.getFluxUjy().size() + ", " + s.getFluxErrUjy().size() + ", " + s.getMask().size());
    }
    double previous = 0;
    for (int i = 0; i < n; i++) {
      double w = wavelength.get(i);
      if (!(w > previous) || !Double.isFinite(w)) {
        throw invalid("finite, positive, strictly increasing wavelength_um", w + " at bin " + i);
      }
      previous = w;
    }
    if (s.getRedshiftSpec() != null && !(s.getRedshiftSpec() >= 0 && s.getRedshiftSpec() <= 30)) {
      throw invalid("redshift_spec in [0, 30]", s.getRedshiftSpec());
    }
  }

  private static DeadLetterException invalid(String expected, Object actual) {
    return new DeadLetterException(DeadLetterReason.INVALID_SPECTRUM, "Expected " + expected + ". Actual: " + actual);
  }
}
