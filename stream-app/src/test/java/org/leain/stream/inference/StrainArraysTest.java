package org.leain.stream.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leain.contracts.StrainGridKind;
import org.leain.contracts.StrainSegment;
import org.leain.posterior.StrainArrays;

/**
 * A strain segment holds its channels one after the other (TDI A then E) with one mask entry per
 * value; the estimator wants one mask entry per time sample. Regression for the demo's
 * MODEL_FAILURE dead letters: a 2 x 1,024 segment gave a 2,048-entry mask.
 */
class StrainArraysTest {

  private static StrainSegment segment(int values, List<Boolean> mask) {
    List<Float> samples = new ArrayList<>();
    for (int i = 0; i < values; i++) {
      samples.add((float) i);
    }
    return StrainSegment.newBuilder().setDetector("LISA").setGridKind(StrainGridKind.LOG_TIME_TO_MERGER)
        .setMergerTimeGps(1.0e9).setGridStart(0.0).setGridStep(-0.01).setSamples(samples).setWhitened(true)
        .setPsdDescription(null).setMask(mask).build();
  }

  @Test
  void twoChannelSegment_givesOneMaskEntryPerTimeSample_andKeepsEveryValue() {
    StrainArrays arrays = PosteriorEngine.strainArrays(segment(8, null), 2);
    assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5, 6, 7}, arrays.whitenedStrain());
    assertArrayEquals(new boolean[] {true, true, true, true}, arrays.mask());
  }

  @Test
  void aSampleMaskedInEitherChannel_isMaskedForTheModel() {
    List<Boolean> mask = List.of(true, false, true, true, true, true, true, false);
    StrainArrays arrays = PosteriorEngine.strainArrays(segment(8, mask), 2);
    assertArrayEquals(new boolean[] {true, false, true, false}, arrays.mask());
  }

  @Test
  void sampleCountThatIsNotAMultipleOfTheChannels_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> PosteriorEngine.strainArrays(segment(7, null), 2));
  }

  @Test
  void maskOfTheWrongLength_isRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> PosteriorEngine.strainArrays(segment(8, List.of(true, true)), 2));
  }

  @Test
  void noSegment_meansNoStrain() {
    assertNull(PosteriorEngine.strainArrays(null, 2));
  }
}
