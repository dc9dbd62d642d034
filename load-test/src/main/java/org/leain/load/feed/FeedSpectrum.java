package org.leain.load.feed;

import java.util.List;
import org.leain.contracts.Spectrum;

/**
 * One spectrum of the feed and the GW candidates whose 90% regions contain it: one posterior is
 * expected per listed superevent, none for an outside spectrum.
 *
 * @param index the spectrum's position in the feed (0, 1, ...)
 * @param spectrum the record to send
 * @param expectedSupereventIds the superevents it must be associated with; empty when outside
 */
public record FeedSpectrum(long index, Spectrum spectrum, List<String> expectedSupereventIds) {

  public FeedSpectrum {
    expectedSupereventIds = List.copyOf(expectedSupereventIds);
  }
}
